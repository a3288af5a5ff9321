using Platform.HouseholdReplica;
using Platform.Relocation.Households;
using Platform.Relocation.Plans;
using Platform.Relocation.Sites;

namespace Platform.Relocation.Tests.Plans;

/// <summary>The pure rules that decide whether a relocation may be planned, progress or be withdrawn, at their boundaries.</summary>
public sealed class RelocationRulesTests
{
    private static readonly DateOnly MovedIn = new(2026, 3, 2);

    [Theory]
    [InlineData("Relocation", HouseholdStatus.Registered, true)]
    [InlineData("relocation", HouseholdStatus.Registered, true)]
    [InlineData("Education", HouseholdStatus.Registered, false)]
    [InlineData("Relocation", HouseholdStatus.Exited, false)]
    [InlineData("Relocation", HouseholdStatus.Unknown, false)]
    public void Only_a_registered_household_on_the_relocation_pathway_is_a_candidate(string pathway, HouseholdStatus status, bool allowed)
    {
        var reason = PlacementRules.CheckCandidate(new RelocatedHousehold { RegionCode = TestRegions.Village, Pathway = pathway, Status = status });
        Assert.Equal(allowed, reason is null);
        Assert.True(allowed || reason!.Contains($"{status} on the {pathway} pathway", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void A_household_moves_with_at_least_one_current_member(int people, bool allowed) =>
        Assert.Equal(allowed, PlacementRules.CheckPeople(people) is null);

    [Fact]
    public void A_move_in_is_recorded_once_on_a_planned_relocation()
    {
        Assert.Null(RelocationProgress.CheckMoveIn(RelocationStage.Planned, null));
        Assert.Equal("The household already moved in on 2026-03-02.", RelocationProgress.CheckMoveIn(RelocationStage.MovedIn, MovedIn));
        Assert.NotNull(RelocationProgress.CheckMoveIn(RelocationStage.HomesteadReclaimed, MovedIn));
    }

    [Fact]
    public void The_old_homestead_is_reclaimed_only_after_the_move_and_once()
    {
        Assert.Null(RelocationProgress.CheckReclamation(RelocationStage.MovedIn, null));
        Assert.Contains("has not moved in yet", RelocationProgress.CheckReclamation(RelocationStage.Planned, null));
        Assert.Contains("already reclaimed on 2026-04-01", RelocationProgress.CheckReclamation(RelocationStage.HomesteadReclaimed, new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void A_plan_is_withdrawn_only_before_the_move()
    {
        Assert.Null(RelocationProgress.CheckCancellation(RelocationStage.Planned, null));
        Assert.Contains("moved in on 2026-03-02", RelocationProgress.CheckCancellation(RelocationStage.MovedIn, MovedIn));
        Assert.NotNull(RelocationProgress.CheckCancellation(RelocationStage.HomesteadReclaimed, MovedIn));
    }

    [Theory]
    [InlineData(5, 20, true)]
    [InlineData(4, 20, false)]
    [InlineData(5, 19, false)]
    [InlineData(50, 200, true)]
    public void A_site_capacity_may_shrink_to_what_it_holds_and_not_below(int households, int people, bool allowed)
    {
        var reason = SiteCapacity.CheckChange(households, people, new SiteOccupancy(5, 20));
        Assert.Equal(allowed, reason is null);
        Assert.True(allowed || reason!.Contains("5 households and 20 people", StringComparison.Ordinal));
    }
}
