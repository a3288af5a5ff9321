using Platform.Assistance.Housing;

namespace Platform.Assistance.Tests.Housing;

/// <summary>Planned → under construction → completed → accepted, only forward; a failed acceptance sends the work back.</summary>
public sealed class RenovationLifecycleTests
{
    [Theory]
    [InlineData(RenovationStatus.Planned, RenovationStatus.UnderConstruction)]
    [InlineData(RenovationStatus.UnderConstruction, RenovationStatus.Completed)]
    [InlineData(RenovationStatus.Planned, RenovationStatus.Cancelled)]
    [InlineData(RenovationStatus.UnderConstruction, RenovationStatus.Cancelled)]
    [InlineData(RenovationStatus.Completed, RenovationStatus.Cancelled)]
    public void Allowed_steps(RenovationStatus from, RenovationStatus to)
    {
        Assert.True(RenovationLifecycle.CanAdvance(from, to));
        Assert.Null(RenovationLifecycle.WhyNotAdvance(from, to));
    }

    [Theory]
    [InlineData(RenovationStatus.Planned, RenovationStatus.Completed)]
    [InlineData(RenovationStatus.Planned, RenovationStatus.Accepted)]
    [InlineData(RenovationStatus.UnderConstruction, RenovationStatus.Planned)]
    [InlineData(RenovationStatus.UnderConstruction, RenovationStatus.UnderConstruction)]
    [InlineData(RenovationStatus.Completed, RenovationStatus.UnderConstruction)]
    [InlineData(RenovationStatus.Completed, RenovationStatus.Accepted)]
    [InlineData(RenovationStatus.Accepted, RenovationStatus.Cancelled)]
    [InlineData(RenovationStatus.Accepted, RenovationStatus.UnderConstruction)]
    [InlineData(RenovationStatus.Cancelled, RenovationStatus.UnderConstruction)]
    [InlineData(RenovationStatus.Cancelled, RenovationStatus.Cancelled)]
    public void Refused_steps(RenovationStatus from, RenovationStatus to)
    {
        Assert.False(RenovationLifecycle.CanAdvance(from, to));
        Assert.Equal($"A project that is {HousingRule.Describe(from)} cannot become {HousingRule.Describe(to)}.", RenovationLifecycle.WhyNotAdvance(from, to));
    }

    [Fact]
    public void Only_a_completed_project_is_inspected_and_the_verdict_decides_where_it_goes()
    {
        Assert.Equal(RenovationStatus.Accepted, RenovationLifecycle.AfterInspection(RenovationStatus.Completed, passed: true));
        Assert.Equal(RenovationStatus.UnderConstruction, RenovationLifecycle.AfterInspection(RenovationStatus.Completed, passed: false));
        foreach (var status in new[] { RenovationStatus.Planned, RenovationStatus.UnderConstruction, RenovationStatus.Accepted, RenovationStatus.Cancelled })
        {
            Assert.Null(RenovationLifecycle.AfterInspection(status, passed: true));
            Assert.Equal($"Only a completed project can be inspected for acceptance; this one is {HousingRule.Describe(status)}.", RenovationLifecycle.WhyNotInspect(status));
        }

        Assert.Null(RenovationLifecycle.WhyNotInspect(RenovationStatus.Completed));
    }
}
