using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Policy;
using Platform.Messaging;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Monitoring;

/// <summary>Applies a trigger to a household: new category, history row and, on a change, MonitoringCategoryChanged — all unsaved.</summary>
public static class MonitoringJournal
{
    /// <param name="recordUnchanged">Whether a trigger that leaves the category as it is still goes into the history (declarations do; automatic checks do not).</param>
    /// <returns>The history row, or null when nothing was recorded.</returns>
    public static MonitoringHistoryEntry? Apply(
        RegistryDbContext db,
        Household household,
        MonitoringTrigger trigger,
        string reason,
        long? amountFen,
        string by,
        DateTime now,
        YearPolicy policy,
        long? perCapitaFen = null,
        bool recordUnchanged = true)
    {
        var previous = household.MonitoringCategory;
        var next = MonitoringRules.CategoryAfter(household.Status, previous, trigger, perCapitaFen, policy);
        if (next == previous && !recordUnchanged)
        {
            return null;
        }

        var entry = new MonitoringHistoryEntry
        {
            Household = household,
            PreviousCategory = previous,
            Category = next,
            Trigger = trigger,
            Reason = reason,
            AmountFen = amountFen,
            At = now,
            By = by,
        };
        db.MonitoringHistory.Add(entry);
        if (next != previous)
        {
            household.MonitoringCategory = next;
            db.AddEvent(new MonitoringCategoryChanged(household.Id, household.RegionCode, previous.ToString(), next.ToString(), reason, now), household.Id.ToString(), now);
        }

        return entry;
    }
}
