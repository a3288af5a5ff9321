using Pa.Registry.V1;
using Platform.HouseholdRegistry.Policy;

namespace Platform.HouseholdRegistry.Monitoring;

/// <summary>
/// Risk elimination (风险消除): a monitored household leaves monitoring only when its income has
/// stayed at or above the monitoring band for the year's number of months, every guarantee is met,
/// and someone in it can work. A household without labour capacity stays monitored, because its
/// income depends on transfers that can stop.
/// </summary>
public static class RiskElimination
{
    /// <summary>Why risk elimination is refused now; empty when it is allowed.</summary>
    public static IReadOnlyList<string> Blockers(
        MonitoringCategory category,
        DateTime? incomeAboveBandSince,
        GuaranteeSnapshot? guarantees,
        IEnumerable<LabourCapacity> activeMemberLabour,
        DateTime now,
        YearPolicy policy)
    {
        var reasons = new List<string>();
        if (!MonitoringRules.IsMonitored(category))
        {
            reasons.Add("household is not monitored");
            return reasons;
        }

        if (incomeAboveBandSince is not { } since)
        {
            reasons.Add("latest per-capita income is below the monitoring band");
        }
        else if (since.AddMonths(policy.RiskEliminationStableMonths) > now)
        {
            reasons.Add($"income has been above the monitoring band only since {since:yyyy-MM-dd}; {policy.RiskEliminationStableMonths} months are needed");
        }

        reasons.AddRange(GuaranteeSnapshot.Blockers(guarantees));
        if (!activeMemberLabour.Any(l => l is LabourCapacity.Normal or LabourCapacity.Weak))
        {
            reasons.Add("no member has labour capacity: the household stays monitored");
        }

        return reasons;
    }
}
