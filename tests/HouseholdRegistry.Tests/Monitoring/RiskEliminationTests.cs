using Pa.Registry.V1;
using Platform.HouseholdRegistry.Monitoring;
using Platform.HouseholdRegistry.Policy;
using Platform.HouseholdRegistry.Tests.Income;

namespace Platform.HouseholdRegistry.Tests.Monitoring;

public sealed class RiskEliminationTests
{
    private static readonly YearPolicy Policy = new();
    private static readonly DateTime Now = new(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly LabourCapacity[] Working = [LabourCapacity.None, LabourCapacity.Weak];

    private static IReadOnlyList<string> Blockers(DateTime? since, GuaranteeSnapshot? guarantees = null, LabourCapacity[]? labour = null, MonitoringCategory category = MonitoringCategory.UnstableExited) =>
        RiskElimination.Blockers(category, since, guarantees ?? ExitEligibilityTests.AllMet(), labour ?? Working, Now, Policy);

    [Fact]
    public void Six_months_above_the_band_with_guarantees_met_and_labour_allows_elimination() =>
        Assert.Empty(Blockers(Now.AddMonths(-6)));

    [Fact]
    public void Five_months_above_the_band_is_not_stable_enough() =>
        Assert.Contains("6 months are needed", Assert.Single(Blockers(Now.AddMonths(-5))));

    [Fact]
    public void Income_below_the_band_now_blocks_elimination() =>
        Assert.Contains("below the monitoring band", Assert.Single(Blockers(null)));

    [Fact]
    public void A_guarantee_unknown_blocks_elimination()
    {
        var guarantees = ExitEligibilityTests.AllMet();
        guarantees.Medical = GuaranteeState.Unknown;

        Assert.Equal("guarantee basic medical care is unknown", Assert.Single(Blockers(Now.AddMonths(-12), guarantees)));
    }

    [Fact]
    public void A_household_without_labour_capacity_stays_monitored() =>
        Assert.Contains("no member has labour capacity", Assert.Single(Blockers(Now.AddYears(-2), labour: [LabourCapacity.None, LabourCapacity.None])));

    [Fact]
    public void A_household_that_is_not_monitored_has_no_risk_to_eliminate() =>
        Assert.Equal(["household is not monitored"], Blockers(Now.AddYears(-1), category: MonitoringCategory.None));
}
