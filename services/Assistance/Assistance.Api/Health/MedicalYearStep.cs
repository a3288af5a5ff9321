using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Contracts;
using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Households;
using Platform.Assistance.Policy;
using Platform.Messaging;

namespace Platform.Assistance.Health;

/// <summary>
/// On every reassessment, brings each medical year of the households up to date with the year's
/// thresholds: the out-of-pocket flag, and the large-expenditure check against the net income the
/// registry reported. Running here rather than only when a bill is recorded means an income that
/// arrives after the bills (HouseholdIncomeRecorded reassesses the household) is checked too.
/// </summary>
public sealed class MedicalYearStep(AssistancePolicy policy, TimeProvider time) : IAssessmentStep
{
    public async Task RunAsync(AssistanceDbContext db, IReadOnlyList<AssistedHousehold> households, AssessmentDay day, CancellationToken ct)
    {
        var ids = households.Select(h => h.Id).ToList();
        var years = await db.Set<HouseholdMedicalYear>().Where(y => ids.Contains(y.HouseholdId)).ToListAsync(ct);
        if (years.Count == 0)
        {
            return;
        }

        // The replica consumer reassesses before it saves, so an income just received is only tracked, not yet stored.
        var stored = await db.Set<HouseholdIncomeYear>().Where(y => ids.Contains(y.HouseholdId)).ToListAsync(ct);
        var incomes = stored.Concat(db.Set<HouseholdIncomeYear>().Local.Where(y => ids.Contains(y.HouseholdId)))
            .DistinctBy(y => (y.HouseholdId, y.Year))
            .ToDictionary(y => (y.HouseholdId, y.Year), y => y.NetIncomeFen);
        var byId = households.ToDictionary(h => h.Id);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var year in years)
        {
            var yearPolicy = policy.For(year.Year);
            year.Flagged = MedicalCosts.AboveLimit(year.CompliantOutOfPocketFen, year.CompliantFen, yearPolicy.OutOfPocketShareLimit);

            long? income = incomes.TryGetValue((year.HouseholdId, year.Year), out var known) ? known : null;
            var outcome = LargeExpenditureRule.Assess(year.FamilyPaysFen, income, yearPolicy.LargeMedicalExpenditureShare, year.AboveIncomeShare);
            year.AboveIncomeShare = outcome.Above;
            if (outcome.Crossed)
            {
                var household = byId[year.HouseholdId];
                db.AddEvent(new LargeMedicalExpenditureIncurred(household.Id, household.RegionCode, year.Year, year.FamilyPaysFen, income!.Value, now), household.Id.ToString(), now);
            }
        }
    }
}
