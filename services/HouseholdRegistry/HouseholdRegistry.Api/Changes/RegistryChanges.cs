using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.Messaging.ChangeFeed;

namespace Platform.HouseholdRegistry.Changes;

/// <summary>The registry's events a department follows, and the contract's name of each kind.</summary>
internal static class RegistryChanges
{
    public static readonly ChangeSources Sources = new ChangeSources()
        .Follow<HouseholdRegistered>(e => e.RegionCode, e => e.HouseholdId)
        .Follow<HouseholdMembersChanged>(e => e.RegionCode, e => e.HouseholdId)
        .Follow<HouseholdIncomeRecorded>(e => e.RegionCode, e => e.HouseholdId)
        .Follow<HouseholdExited>(e => e.RegionCode, e => e.HouseholdId)
        .Follow<HouseholdReentered>(e => e.RegionCode, e => e.HouseholdId)
        .Follow<MonitoringCategoryChanged>(e => e.RegionCode, e => e.HouseholdId)
        .Follow<HelperAssigned>(e => e.RegionCode, e => e.HouseholdId);

    public static readonly IReadOnlyDictionary<HouseholdChangeKind, string> KindNames = new Dictionary<HouseholdChangeKind, string>
    {
        [HouseholdChangeKind.Registered] = nameof(HouseholdRegistered),
        [HouseholdChangeKind.MembersChanged] = nameof(HouseholdMembersChanged),
        [HouseholdChangeKind.IncomeRecorded] = nameof(HouseholdIncomeRecorded),
        [HouseholdChangeKind.Exited] = nameof(HouseholdExited),
        [HouseholdChangeKind.Reentered] = nameof(HouseholdReentered),
        [HouseholdChangeKind.MonitoringCategoryChanged] = nameof(MonitoringCategoryChanged),
        [HouseholdChangeKind.HelperAssigned] = nameof(HelperAssigned),
    };

    /// <summary>The log's kind names of the requested kinds (all when none is named).</summary>
    public static IReadOnlyCollection<string> Named(IEnumerable<HouseholdChangeKind> kinds) =>
        [.. kinds.Distinct().Select(k => KindNames[k])];
}
