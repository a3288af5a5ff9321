using Pa.Registry.V1;
using Platform.HouseholdRegistry.Helpers;
using AssistanceMeasure = Platform.HouseholdRegistry.Helpers.AssistanceMeasure;

namespace Platform.HouseholdRegistry.Tests.Support;

public sealed class SupportRulesTests
{
    private static readonly DateOnly CurrentFrom = new(2025, 3, 1);

    [Fact]
    public void A_new_work_team_starts_after_the_current_one_did()
    {
        Assert.Null(SupportRules.WhyTeamCannotStart(null, CurrentFrom));
        Assert.Null(SupportRules.WhyTeamCannotStart(CurrentFrom, CurrentFrom.AddDays(1)));
        Assert.Contains("serves from 2025-03-01", SupportRules.WhyTeamCannotStart(CurrentFrom, CurrentFrom));
        Assert.NotNull(SupportRules.WhyTeamCannotStart(CurrentFrom, CurrentFrom.AddDays(-1)));
    }

    [Theory]
    [InlineData(HouseholdStatus.Applied, true)]
    [InlineData(HouseholdStatus.Registered, true)]
    [InlineData(HouseholdStatus.Exited, true)]
    [InlineData(HouseholdStatus.Monitored, true)]
    [InlineData(HouseholdStatus.Rejected, false)]
    public void Every_household_but_a_rejected_one_may_have_measures_planned(HouseholdStatus status, bool plannable) =>
        Assert.Equal(plannable, SupportRules.WhyNoPlan(status) is null);

    [Fact]
    public void A_measure_is_written_off_once()
    {
        var measure = new AssistanceMeasure { VillageCode = "341522104201", Description = "养鸡技术培训" };
        Assert.Null(SupportRules.WhyNotCompletable(measure));

        (measure.Status, measure.DoneAt, measure.DoneBy) = (MeasureStatus.Done, new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), "wu");

        Assert.Equal("The measure was already written off on 2026-03-02 by wu.", SupportRules.WhyNotCompletable(measure));
    }
}
