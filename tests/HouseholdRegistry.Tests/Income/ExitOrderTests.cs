using Pa.Registry.V1;
using Platform.HouseholdRegistry.Income;

namespace Platform.HouseholdRegistry.Tests.Income;

public sealed class ExitOrderTests
{
    [Fact]
    public void Planned_exit_comes_first_then_the_production_pathway_then_the_largest_margin_then_the_oldest_file()
    {
        var planned = ExitOrder.Of(2026, AssistancePathway.SocialSecurity, 10, seq: 9, year: 2026);
        var plannedLater = ExitOrder.Of(2027, AssistancePathway.ProductionAndEmployment, 90_000, seq: 1, year: 2026);
        var production = ExitOrder.Of(null, AssistancePathway.ProductionAndEmployment, 50, seq: 5, year: 2026);
        var wideMargin = ExitOrder.Of(null, AssistancePathway.Education, 80_000, seq: 7, year: 2026);
        var narrowOld = ExitOrder.Of(null, AssistancePathway.Education, 100, seq: 2, year: 2026);
        var narrowNew = ExitOrder.Of(null, AssistancePathway.Education, 100, seq: 3, year: 2026);

        var sorted = new[] { narrowNew, wideMargin, plannedLater, narrowOld, production, planned }.Order().ToList();

        Assert.Equal([planned, plannedLater, production, wideMargin, narrowOld, narrowNew], sorted);
        Assert.False(plannedLater.PlannedDue);
    }

    [Fact]
    public void The_page_key_round_trips_and_rejects_anything_else()
    {
        var order = ExitOrder.Of(2025, AssistancePathway.ProductionAndEmployment, -15, seq: 42, year: 2026);

        Assert.True(ExitOrder.TryParseKey(order.ToKey(), out var parsed));
        Assert.Equal(order, parsed);
        Assert.False(ExitOrder.TryParseKey("1:1:x:42", out _));
        Assert.False(ExitOrder.TryParseKey("42", out _));
    }
}
