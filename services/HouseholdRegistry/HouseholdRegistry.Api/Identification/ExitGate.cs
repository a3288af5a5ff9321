using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Income;
using Platform.HouseholdRegistry.Policy;
using Platform.ServiceDefaults;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Identification;

/// <summary>
/// Exit must be real (no 数字脱贫): the pre-exit mark may be months old, so opening an exit case and
/// the county's approval both check the exit rule again against the latest income and guarantees.
/// </summary>
public static class ExitGate
{
    /// <summary>Why an exit case may not open in <paramref name="year"/>, or null: only a registered household marked for exit (预脱贫标注) that year.</summary>
    public static string? WhyNotOpenable(HouseholdStatus status, int? preExitMarkedYear, int year) =>
        status != HouseholdStatus.Registered ? $"Only a registered household can exit; this one is {status}."
        : preExitMarkedYear != year ? $"The household is not marked for exit (预脱贫标注) in {year}."
        : null;

    public static async Task EnsureEligibleAsync(RegistryDbContext db, Household household, DateTime now, RegistryPolicy policy, CancellationToken cancellationToken)
    {
        var income = await db.IncomeYears.AsNoTracking()
            .Where(y => y.HouseholdSeq == household.Seq && y.Year <= now.Year)
            .OrderByDescending(y => y.Year)
            .FirstOrDefaultAsync(cancellationToken);
        var reasons = ExitEligibility.Evaluate(household, income, household.Guarantees, policy.For(income?.Year ?? now.Year));
        if (reasons.Count > 0)
        {
            throw RpcErrors.FailedPrecondition($"The household does not qualify for exit: {string.Join("; ", reasons)}.");
        }
    }
}
