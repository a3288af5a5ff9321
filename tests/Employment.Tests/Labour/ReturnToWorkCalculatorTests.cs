using Platform.Employment.Labour;

namespace Platform.Employment.Tests.Labour;

public sealed class ReturnToWorkCalculatorTests
{
    private static readonly DateOnly CampaignStart = new(2026, 2, 1);
    private static readonly DateOnly AsOf = new(2026, 3, 1);

    private static JobSpan Job(Guid member, string started, string? ended = null) =>
        new(member, DateOnly.Parse(started), ended is null ? null : DateOnly.Parse(ended));

    [Fact]
    public void Only_labourers_whose_job_ended_before_the_campaign_start_count_as_having_worked_before()
    {
        var endedDayBefore = Guid.NewGuid();
        var endedOnStart = Guid.NewGuid();
        var neverStopped = Guid.NewGuid();
        var rate = ReturnToWorkCalculator.Calculate(
            [Job(endedDayBefore, "2025-03-01", "2026-01-31"), Job(endedOnStart, "2025-03-01", "2026-02-01"), Job(neverStopped, "2025-03-01")],
            CampaignStart, AsOf);
        Assert.Equal(new ReturnToWorkRate(WorkedBefore: 1, Returned: 0), rate);
    }

    [Fact]
    public void A_labourer_returned_when_a_job_runs_on_as_of_including_its_first_and_last_day()
    {
        var startsOnAsOf = Guid.NewGuid();
        var endsOnAsOf = Guid.NewGuid();
        var startsAfter = Guid.NewGuid();
        var endedBeforeAsOf = Guid.NewGuid();
        var rate = ReturnToWorkCalculator.Calculate(
        [
            Job(startsOnAsOf, "2025-01-01", "2026-01-15"), Job(startsOnAsOf, "2026-03-01"),
            Job(endsOnAsOf, "2025-01-01", "2026-01-15"), Job(endsOnAsOf, "2026-02-10", "2026-03-01"),
            Job(startsAfter, "2025-01-01", "2026-01-15"), Job(startsAfter, "2026-03-02"),
            Job(endedBeforeAsOf, "2025-01-01", "2026-01-15"), Job(endedBeforeAsOf, "2026-02-10", "2026-02-28"),
        ], CampaignStart, AsOf);
        Assert.Equal(new ReturnToWorkRate(WorkedBefore: 4, Returned: 2), rate);
        Assert.Equal(5_000, rate.BasisPoints);
    }

    [Fact]
    public void The_rate_rounds_down_and_is_zero_without_anyone_who_worked_before()
    {
        Assert.Equal(6_666, new ReturnToWorkRate(3, 2).BasisPoints);
        Assert.Equal(10_000, new ReturnToWorkRate(3, 3).BasisPoints);
        Assert.Equal(0, ReturnToWorkCalculator.Calculate([], CampaignStart, AsOf).BasisPoints);
    }
}
