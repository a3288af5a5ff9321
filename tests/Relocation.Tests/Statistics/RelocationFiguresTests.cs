using Platform.Relocation.Plans;
using Platform.Relocation.Statistics;

namespace Platform.Relocation.Tests.Statistics;

public sealed class RelocationFiguresTests
{
    private static PlanFacts MovedIn(int seeking, int employed) => new(RelocationStage.MovedIn, 3, seeking, employed, seeking > 0 && employed == 0);

    [Fact]
    public void Planned_and_moved_in_families_are_counted_apart()
    {
        var figures = RelocationFigures.Of([new(RelocationStage.Planned, 4, 0, 0, false), MovedIn(1, 0), new(RelocationStage.HomesteadReclaimed, 2, 1, 1, false)], 1, 1, 0);
        Assert.Equal(1, figures.FamiliesPlanned);
        Assert.Equal(4, figures.PeoplePlanned);
        Assert.Equal(2, figures.FamiliesMovedIn);
        Assert.Equal(5, figures.PeopleMovedIn);
        Assert.Equal(1, figures.HomesteadsReclaimed);
        Assert.Equal(1, figures.ZeroEmploymentFamilies);
    }

    [Fact]
    public void The_rate_counts_only_families_with_labour_and_rounds_down()
    {
        // Three families with labour, two of them employed; an employed family without labour seeking work is not in the rate.
        var figures = RelocationFigures.Of([MovedIn(1, 1), MovedIn(2, 1), MovedIn(1, 0), MovedIn(0, 1)], 1, 0, 0);
        Assert.Equal(3, figures.FamiliesSeekingWork);
        Assert.Equal(3, figures.EmployedFamilies);
        Assert.Equal(6666, figures.EmployedFamilyRateBasisPoints);
    }

    [Fact]
    public void No_family_with_labour_is_a_rate_of_zero()
    {
        Assert.Equal(0, RelocationFigures.Of([MovedIn(0, 0)], 0, 0, 0).EmployedFamilyRateBasisPoints);
    }

    [Fact]
    public void A_sum_recomputes_the_rate_from_the_counts()
    {
        var a = RelocationFigures.Of([MovedIn(1, 1)], 0, 0, 1);
        var b = RelocationFigures.Of([MovedIn(1, 0), MovedIn(1, 0), MovedIn(1, 0)], 3, 2, 0);
        var sum = RelocationFigures.Sum([a, b]);
        Assert.Equal(4, sum.FamiliesSeekingWork);
        Assert.Equal(2500, sum.EmployedFamilyRateBasisPoints);
        Assert.Equal(3, sum.OpenCases);
        Assert.Equal(2, sum.OpenCasesUnassigned);
        Assert.Equal(1, sum.HouseholdsLinkedToIndustry);
    }
}
