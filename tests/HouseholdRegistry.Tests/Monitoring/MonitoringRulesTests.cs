using Pa.Registry.V1;
using Platform.HouseholdRegistry.Monitoring;
using Platform.HouseholdRegistry.Policy;

namespace Platform.HouseholdRegistry.Tests.Monitoring;

public sealed class MonitoringRulesTests
{
    private static readonly YearPolicy Policy = new();

    private static MonitoringCategory After(HouseholdStatus status, MonitoringTrigger trigger, long? perCapita = null, MonitoringCategory current = MonitoringCategory.None) =>
        MonitoringRules.CategoryAfter(status, current, trigger, perCapita, Policy);

    [Fact]
    public void An_exited_household_below_the_band_upper_is_unstable()
    {
        Assert.Equal(MonitoringCategory.UnstableExited, After(HouseholdStatus.Exited, MonitoringTrigger.IncomeBelowBand, 649_999));
        Assert.Equal(MonitoringCategory.None, After(HouseholdStatus.Exited, MonitoringTrigger.IncomeBelowBand, 650_000));
    }

    [Theory]
    [InlineData(HouseholdStatus.Monitored)]
    [InlineData(HouseholdStatus.Rejected)]
    public void A_household_not_registered_below_the_band_upper_is_marginal(HouseholdStatus status)
    {
        Assert.Equal(MonitoringCategory.MarginalAtRisk, After(status, MonitoringTrigger.IncomeBelowBand, 500_000));
        Assert.Equal(MonitoringCategory.None, After(status, MonitoringTrigger.IncomeBelowBand, 650_000));
    }

    [Theory]
    [InlineData(HouseholdStatus.Registered)]
    [InlineData(HouseholdStatus.Applied)]
    public void Low_income_of_a_household_on_the_poverty_roll_or_applying_is_not_a_monitoring_case(HouseholdStatus status) =>
        Assert.Equal(MonitoringCategory.None, After(status, MonitoringTrigger.IncomeBelowBand, 100_000));

    [Theory]
    [InlineData(MonitoringTrigger.HouseholdDeclaration, HouseholdStatus.Registered)]
    [InlineData(MonitoringTrigger.CadreFinding, HouseholdStatus.Exited)]
    [InlineData(MonitoringTrigger.Disaster, HouseholdStatus.Monitored)]
    [InlineData(MonitoringTrigger.LargeRigidExpenditure, HouseholdStatus.Rejected)]
    [InlineData(MonitoringTrigger.LostOnlyJob, HouseholdStatus.Applied)]
    public void Every_hardship_makes_any_household_a_sudden_hardship_case(MonitoringTrigger trigger, HouseholdStatus status) =>
        Assert.Equal(MonitoringCategory.SuddenHardship, After(status, trigger, current: MonitoringCategory.UnstableExited));

    [Fact]
    public void Income_does_not_move_a_household_that_is_already_monitored() =>
        Assert.Equal(MonitoringCategory.SuddenHardship, After(HouseholdStatus.Exited, MonitoringTrigger.IncomeBelowBand, 100_000, MonitoringCategory.SuddenHardship));

    [Theory]
    [InlineData(MonitoringTrigger.RiskEliminated)]
    [InlineData(MonitoringTrigger.Reentered)]
    public void Risk_elimination_and_reentry_end_monitoring(MonitoringTrigger trigger) =>
        Assert.Equal(MonitoringCategory.None, After(HouseholdStatus.Exited, trigger, current: MonitoringCategory.UnstableExited));

    [Theory]
    [InlineData(HouseholdStatus.Exited, true)]
    [InlineData(HouseholdStatus.Registered, false)]
    [InlineData(HouseholdStatus.Monitored, false)]
    [InlineData(HouseholdStatus.Applied, false)]
    public void Only_an_exited_household_re_enters(HouseholdStatus status, bool allowed) =>
        Assert.Equal(allowed, MonitoringRules.WhyNoReentry(status) is null);
}
