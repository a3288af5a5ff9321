using Pa.Registry.V1;
using Platform.HouseholdRegistry.Policy;

namespace Platform.HouseholdRegistry.Monitoring;

/// <summary>
/// Return-to-poverty monitoring (防返贫监测): which category a trigger puts a household in.
/// Income below the band brings an exited household in as unstable (脱贫不稳定户) and a
/// non-registered one as marginal (边缘易致贫户); a hardship of any kind makes any household a
/// household in sudden severe hardship (突发严重困难户). Income alone never moves a household that
/// is already monitored: only risk elimination or re-entry ends monitoring.
/// </summary>
public static class MonitoringRules
{
    public static bool IsHardship(MonitoringTrigger trigger) => trigger is MonitoringTrigger.HouseholdDeclaration
        or MonitoringTrigger.CadreFinding or MonitoringTrigger.Disaster
        or MonitoringTrigger.LargeRigidExpenditure or MonitoringTrigger.LostOnlyJob;

    /// <summary>The category after <paramref name="trigger"/>; <paramref name="current"/> when it changes nothing.</summary>
    /// <param name="perCapitaFen">The per-capita net income the income trigger compares with the band.</param>
    public static MonitoringCategory CategoryAfter(HouseholdStatus status, MonitoringCategory current, MonitoringTrigger trigger, long? perCapitaFen, YearPolicy policy)
    {
        if (IsHardship(trigger))
        {
            return MonitoringCategory.SuddenHardship;
        }

        if (trigger is MonitoringTrigger.RiskEliminated or MonitoringTrigger.Reentered)
        {
            return MonitoringCategory.None;
        }

        if (trigger != MonitoringTrigger.IncomeBelowBand || perCapitaFen is not { } income || income >= policy.MonitoringBandUpperFen || IsMonitored(current))
        {
            return current;
        }

        return status switch
        {
            HouseholdStatus.Exited => MonitoringCategory.UnstableExited,
            HouseholdStatus.Monitored or HouseholdStatus.Rejected => MonitoringCategory.MarginalAtRisk,
            _ => current,
        };
    }

    public static bool IsMonitored(MonitoringCategory category) =>
        category is not (MonitoringCategory.None or MonitoringCategory.Unspecified);

    /// <summary>Re-entry (返贫入列) registers again a household that had exited; any other household is not out of poverty to fall back.</summary>
    public static string? WhyNoReentry(HouseholdStatus status) =>
        status == HouseholdStatus.Exited ? null : $"Only an exited household can re-enter; this household is {status}.";

    /// <summary>The trigger a hardship declaration stands for.</summary>
    public static MonitoringTrigger TriggerOf(HardshipKind kind) => kind switch
    {
        HardshipKind.HouseholdDeclaration => MonitoringTrigger.HouseholdDeclaration,
        HardshipKind.CadreFinding => MonitoringTrigger.CadreFinding,
        HardshipKind.Disaster => MonitoringTrigger.Disaster,
        HardshipKind.LargeRigidExpenditure => MonitoringTrigger.LargeRigidExpenditure,
        _ => MonitoringTrigger.Unspecified,
    };
}
