using Platform.Relocation.FollowUp;
using Platform.Relocation.Households;
using Platform.HouseholdReplica;
using Platform.Relocation.Policy;

namespace Platform.Relocation.Tests.FollowUp;

/// <summary>The pure rule of who in a relocated family seeks work and who is employed (零就业家庭).</summary>
public sealed class FamilyEmploymentTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly YearPolicy Policy = new();

    private static RelocatedMember Member(int age, LabourCapacity labour = LabourCapacity.Normal, WorkWish wish = WorkWish.Unknown, bool current = true) => new()
    {
        Id = Guid.NewGuid(),
        BirthDate = Today.AddYears(-age),
        LabourCapacity = labour,
        WorkWish = wish,
        IsCurrent = current,
    };

    private static MemberJob Job(RelocatedMember member, DateOnly? startedOn = null, DateOnly? endedOn = null, bool started = true) => new()
    {
        EmploymentId = Guid.NewGuid(),
        MemberId = member.Id,
        StartedOn = started ? startedOn ?? Today.AddMonths(-1) : null,
        StartedAt = started ? Today.AddMonths(-1).ToDateTime(TimeOnly.MinValue) : null,
        EndedOn = endedOn,
    };

    private static FamilyEmployment Assess(IEnumerable<RelocatedMember> members, params MemberJob[] jobs) => FamilyEmployment.Assess(members, jobs, Today, Policy);

    [Theory]
    [InlineData(15, false)]
    [InlineData(16, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void Only_members_of_working_age_seek_work(int age, bool seeks)
    {
        var member = Member(age);
        Assert.Equal(seeks, Assess([member]).SeekingWork.Contains(member.Id));
        Assert.Equal(seeks, Assess([member]).IsZeroEmployment);
    }

    [Fact]
    public void A_member_turning_16_tomorrow_does_not_seek_work_yet_and_one_turning_61_tomorrow_still_does()
    {
        var almost16 = Member(16);
        almost16.BirthDate = almost16.BirthDate.AddDays(1);
        var almost61 = Member(61);
        almost61.BirthDate = almost61.BirthDate.AddDays(1);

        Assert.Equal([almost61.Id], Assess([almost16, almost61]).SeekingWork);
    }

    [Fact]
    public void The_working_age_comes_from_the_years_policy()
    {
        var member = Member(62);
        Assert.Empty(Assess([member]).SeekingWork);
        Assert.Equal([member.Id], FamilyEmployment.Assess([member], [], Today, Policy with { WorkingAgeTo = 65 }).SeekingWork);
    }

    [Theory]
    [InlineData(LabourCapacity.Normal, true)]
    [InlineData(LabourCapacity.Weak, true)]
    [InlineData(LabourCapacity.None, false)]
    [InlineData(LabourCapacity.Unspecified, false)]
    public void Weak_labour_counts_and_no_labour_does_not(LabourCapacity labour, bool seeks)
    {
        var member = Member(40, labour);
        Assert.Equal(seeks, Assess([member]).SeekingWork.Contains(member.Id));
    }

    [Theory]
    [InlineData(WorkWish.Unknown, true)]
    [InlineData(WorkWish.Wishes, true)]
    [InlineData(WorkWish.DoesNotWish, false)]
    public void A_member_who_does_not_wish_to_work_is_left_out_and_an_unknown_wish_is_presumed(WorkWish wish, bool seeks)
    {
        var member = Member(40, wish: wish);
        Assert.Equal(seeks, Assess([member]).SeekingWork.Contains(member.Id));
    }

    [Fact]
    public void A_former_member_neither_seeks_work_nor_counts_as_employed()
    {
        var left = Member(30, current: false);
        var stays = Member(40);

        var family = Assess([left, stays], Job(left));

        Assert.Equal([stays.Id], family.SeekingWork);
        Assert.Empty(family.Employed);
        Assert.Null(family.AnyRunningJob);
        Assert.True(family.IsZeroEmployment);
    }

    [Fact]
    public void An_ended_job_and_a_job_whose_end_arrived_before_its_start_are_not_running()
    {
        var head = Member(45);
        var spouse = Member(43);

        var family = Assess([head, spouse], Job(head, endedOn: Today.AddDays(-3)), Job(spouse, started: false, endedOn: Today));

        Assert.Empty(family.Employed);
        Assert.True(family.IsZeroEmployment);
    }

    [Fact]
    public void A_running_job_makes_the_family_employed_and_names_the_earliest_started_job()
    {
        var head = Member(45);
        var spouse = Member(43);
        var later = Job(head);
        later.StartedAt = later.StartedAt!.Value.AddDays(5);
        var earlier = Job(spouse);

        var family = Assess([head, spouse], later, earlier, Job(head, endedOn: Today));

        Assert.Equal(new[] { head.Id, spouse.Id }.Order(), family.Employed.Order());
        Assert.Equal(earlier.EmploymentId, family.AnyRunningJob);
        Assert.False(family.IsZeroEmployment);
    }

    [Fact]
    public void Two_running_jobs_of_one_member_count_one_employed_member()
    {
        var head = Member(45);
        Assert.Equal([head.Id], Assess([head], Job(head), Job(head)).Employed);
    }

    [Fact]
    public void An_employed_member_without_labour_capacity_still_makes_the_family_employed()
    {
        var grandfather = Member(66, LabourCapacity.None);
        var son = Member(30);

        var family = Assess([grandfather, son], Job(grandfather));

        Assert.Equal([son.Id], family.SeekingWork);
        Assert.Equal([grandfather.Id], family.Employed);
        Assert.False(family.IsZeroEmployment);
    }

    [Fact]
    public void A_family_with_no_labour_is_not_a_zero_employment_family()
    {
        var family = Assess([Member(70), Member(10, LabourCapacity.None), Member(40, LabourCapacity.None), Member(35, wish: WorkWish.DoesNotWish)]);

        Assert.Empty(family.SeekingWork);
        Assert.Empty(family.Employed);
        Assert.False(family.IsZeroEmployment);
    }
}
