using Platform.Employment.Labour;

namespace Platform.Employment.Tests.Labour;

/// <summary>The pure rules of the labour area, at their boundaries.</summary>
public sealed class LabourRulesTests
{
    private static readonly Guid Household = Guid.NewGuid();

    private static EmploymentRecord Job(Guid member, DateOnly? endedOn = null, Guid? household = null) => new()
    {
        Id = Guid.NewGuid(),
        HouseholdId = household ?? Household,
        MemberId = member,
        RegionCode = "341522100201",
        Type = EmploymentType.Workshop,
        Employer = "Workshop",
        StartedOn = new DateOnly(2025, 1, 1),
        EndedOn = endedOn,
        RecordedBy = "test",
    };

    private static EmploymentRecord Ended(EmploymentRecord job)
    {
        job.EndedOn = new DateOnly(2026, 2, 1);
        return job;
    }

    [Fact]
    public void Ending_the_only_job_loses_the_households_only_job()
    {
        var only = Ended(Job(Guid.NewGuid()));
        Assert.True(HouseholdJobs.LostOnlyJob(only, [only]));
    }

    [Fact]
    public void Ending_one_of_two_jobs_of_the_same_member_loses_nothing()
    {
        var member = Guid.NewGuid();
        var ending = Ended(Job(member));
        Assert.False(HouseholdJobs.LostOnlyJob(ending, [ending, Job(member)]));
    }

    [Fact]
    public void A_running_job_of_another_member_keeps_the_household_employed()
    {
        var ending = Ended(Job(Guid.NewGuid()));
        Assert.False(HouseholdJobs.LostOnlyJob(ending, [ending, Job(Guid.NewGuid())]));
    }

    [Fact]
    public void Jobs_that_already_ended_and_jobs_of_other_households_do_not_count()
    {
        var ending = Ended(Job(Guid.NewGuid()));
        var endedEarlier = Job(Guid.NewGuid(), new DateOnly(2025, 6, 30));
        var neighbour = Job(Guid.NewGuid(), household: Guid.NewGuid());
        Assert.True(HouseholdJobs.LostOnlyJob(ending, [ending, endedEarlier, neighbour]));
    }

    [Theory]
    [InlineData(2024, 12, false)]
    [InlineData(2025, 1, true)]
    [InlineData(2025, 6, true)]
    [InlineData(2025, 7, false)]
    public void A_month_is_covered_when_any_of_its_days_lies_within_the_job(int year, int month, bool covered)
    {
        // 2025-01-31 to 2025-06-01 touches January and June by one day each.
        var job = Job(Guid.NewGuid(), new DateOnly(2025, 6, 1));
        job.StartedOn = new DateOnly(2025, 1, 31);
        Assert.Equal(covered, job.CoversMonth(year, month));
    }

    [Fact]
    public void A_running_job_covers_every_later_month_and_year()
    {
        var job = Job(Guid.NewGuid());
        Assert.True(job.CoversMonth(2030, 12));
        Assert.True(job.CoversYear(2030));
        Assert.True(job.CoversYear(2025));
        Assert.False(job.CoversYear(2024));
    }

    [Fact]
    public void Payment_ids_are_fixed_by_job_and_month_and_differ_between_them()
    {
        var job = Guid.NewGuid();
        Assert.Equal(PaymentIds.ForEarnings(job, 2026, 1), PaymentIds.ForEarnings(job, 2026, 1));
        Assert.NotEqual(PaymentIds.ForEarnings(job, 2026, 1), PaymentIds.ForEarnings(job, 2026, 2));
        Assert.NotEqual(PaymentIds.ForEarnings(job, 2026, 1), PaymentIds.ForEarnings(job, 2025, 1));
        Assert.NotEqual(PaymentIds.ForEarnings(job, 2026, 1), PaymentIds.ForEarnings(Guid.NewGuid(), 2026, 1));
        Assert.Equal(5, PaymentIds.ForEarnings(job, 2026, 1).Version);
    }
}
