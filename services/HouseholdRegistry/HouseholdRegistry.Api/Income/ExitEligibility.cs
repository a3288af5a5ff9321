using Pa.Registry.V1;
using Platform.HouseholdRegistry.Monitoring;
using Platform.HouseholdRegistry.Policy;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Income;

/// <summary>
/// Whether a household may be marked for exit (预脱贫标注): registered, per-capita net income at or
/// above the line, also after rigid expenditure (支出法: high medical costs keep a household poor at
/// the same income), every guarantee of 两不愁三保障 and safe drinking water met, and not in sudden
/// severe hardship. Unknown counts as not met: exit must be real, not on paper (数字脱贫).
/// </summary>
public static class ExitEligibility
{
    /// <summary>Every reason the household may not exit; empty when it may.</summary>
    /// <param name="income">The income year the decision rests on; <paramref name="policy"/> is that year's.</param>
    public static IReadOnlyList<string> Evaluate(Household household, IncomeYearSummary? income, GuaranteeSnapshot? guarantees, YearPolicy policy)
    {
        var reasons = new List<string>();
        if (household.Status != HouseholdStatus.Registered)
        {
            reasons.Add($"household is {household.Status}, not registered");
        }

        if (income is null)
        {
            reasons.Add("no income has been recorded");
        }
        else
        {
            if (income.PerCapitaNetIncomeFen < policy.PovertyLineFen)
            {
                reasons.Add($"per-capita net income {IncomeCalculator.Yuan(income.PerCapitaNetIncomeFen)} of {income.Year} is below the poverty line {IncomeCalculator.Yuan(policy.PovertyLineFen)}");
            }
            else if (income.ExpenditureAdjustedPerCapitaFen < policy.PovertyLineFen)
            {
                reasons.Add($"after rigid expenditure, per-capita income {IncomeCalculator.Yuan(income.ExpenditureAdjustedPerCapitaFen)} of {income.Year} is below the poverty line");
            }
        }

        reasons.AddRange(GuaranteeSnapshot.Blockers(guarantees));
        if (household.MonitoringCategory == MonitoringCategory.SuddenHardship)
        {
            reasons.Add("household is in sudden severe hardship");
        }

        return reasons;
    }
}
