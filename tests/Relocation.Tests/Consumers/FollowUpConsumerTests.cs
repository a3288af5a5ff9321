using Platform.Employment.Contracts;
using Platform.HouseholdRegistry.Contracts;
using Platform.Relocation.FollowUp;
using Platform.Relocation.Households;
using Platform.HouseholdReplica;

namespace Platform.Relocation.Tests.Consumers;

/// <summary>
/// The employment service's and the registry's events through the consumers, as they drive the
/// zero-employment follow-up (零就业家庭) of moved-in families: cases open and close by themselves,
/// redeliveries change nothing, and events arriving before the household or the plan are not lost.
/// </summary>
public sealed class FollowUpConsumerTests(BusService bus) : IClassFixture<BusService>
{
    private RelocationFactory Service => bus.Factory;

    private EmploymentStarted Started(TestHousehold household, MemberFacts member, Guid? employmentId = null) =>
        new(household.Id, member.MemberId, employmentId ?? Guid.CreateVersion7(), household.RegionCode, "Workshop", bus.Today, bus.Now);

    private EmploymentEnded Ended(TestHousehold household, MemberFacts member, Guid employmentId) =>
        new(household.Id, member.MemberId, employmentId, household.RegionCode, bus.Today, bus.Now);

    [Fact]
    public async Task A_moved_in_family_with_labour_and_no_job_has_an_open_case()
    {
        var household = await Service.Household().Head().Child().RegisterAsync();
        var site = await Service.SeedSiteAsync();

        await Service.SeedPlanAsync(household, site);

        var open = Assert.Single(await bus.CasesAsync(household.Id));
        Assert.Equal((CaseOutcome.Open, site.Id, site.RegionCode, bus.Now), (open.Outcome, open.SiteId, open.SiteRegionCode, open.OpenedAt));
        Assert.True(open.IsOpen);
        var plan = await bus.PlanAsync(household.Id);
        Assert.Equal((1, 0, true), (plan.MembersSeekingWork, plan.MembersEmployed, plan.IsZeroEmployment));
        var opened = Assert.Single(await bus.OpenedAsync(household.Id));
        Assert.Equal((open.Id, site.Id), (opened.CaseId, opened.SiteId));
        Assert.Equal([household.Head.MemberId], opened.MembersSeekingWork);
    }

    [Fact]
    public async Task A_job_closes_the_case_once_even_when_redelivered_and_the_end_of_the_only_job_opens_a_new_case()
    {
        var household = await Service.Household().Head().Spouse("Weak").RegisterAsync();
        await Service.SeedPlanAsync(household, await Service.SeedSiteAsync());
        var first = Assert.Single(await bus.CasesAsync(household.Id));
        var spouse = household.Members[1];
        var started = Started(household, spouse);

        var startedId = await bus.DeliverAsync(started, times: 2);

        var closed = Assert.Single(await bus.CasesAsync(household.Id));
        Assert.Equal((first.Id, CaseOutcome.Employed, started.EmploymentId, bus.Now), (closed.Id, closed.Outcome, closed.ClosingEmploymentId, closed.ClosedAt));
        var closeEvent = Assert.Single(await bus.ClosedAsync(household.Id));
        Assert.Equal((first.Id, "Employed", started.EmploymentId), (closeEvent.CaseId, closeEvent.Outcome, closeEvent.EmploymentId));
        Assert.Equal(1, await bus.InboxRowsAsync(startedId));
        var plan = await bus.PlanAsync(household.Id);
        Assert.Equal((2, 1, false), (plan.MembersSeekingWork, plan.MembersEmployed, plan.IsZeroEmployment));

        await bus.DeliverAsync(Ended(household, spouse, started.EmploymentId));

        var cases = await bus.CasesAsync(household.Id);
        Assert.Equal(2, cases.Count);
        var reopened = Assert.Single(cases, c => c.IsOpen);
        Assert.NotEqual(first.Id, reopened.Id);
        Assert.Equal([first.Id, reopened.Id], (await bus.OpenedAsync(household.Id)).Select(e => e.CaseId));
        Assert.Single(await bus.ClosedAsync(household.Id));
        Assert.True((await bus.PlanAsync(household.Id)).IsZeroEmployment);
    }

    [Fact]
    public async Task A_job_heard_of_before_the_registration_and_the_plan_is_kept_and_no_case_opens_at_move_in()
    {
        var head = bus.Member("Head", 45);
        var registered = bus.Registration([head, bus.Member("Spouse", 43)]);
        var household = BusService.AsTestHousehold(registered);
        var started = Started(household, head);

        await bus.DeliverAsync(started);
        var kept = await bus.JobAsync(started.EmploymentId);
        Assert.Equal((household.Id, head.MemberId, true), (kept!.HouseholdId, kept.MemberId, kept.IsRunning));
        Assert.Null(await bus.ReplicaAsync(household.Id)); // the job alone makes no replica household

        await bus.DeliverAsync(registered);
        await Service.SeedPlanAsync(household, await Service.SeedSiteAsync());

        Assert.Empty(await bus.CasesAsync(household.Id));
        Assert.Empty(await bus.OpenedAsync(household.Id));
        var plan = await bus.PlanAsync(household.Id);
        Assert.Equal((2, 1, false), (plan.MembersSeekingWork, plan.MembersEmployed, plan.IsZeroEmployment));
    }

    [Fact]
    public async Task An_end_arriving_before_its_start_leaves_the_job_ended_and_the_case_open()
    {
        var household = await Service.Household().Head().RegisterAsync();
        await Service.SeedPlanAsync(household, await Service.SeedSiteAsync());
        var employmentId = Guid.CreateVersion7();

        await bus.DeliverAsync(Ended(household, household.Head, employmentId));
        await bus.DeliverAsync(Started(household, household.Head, employmentId));

        var job = await bus.JobAsync(employmentId);
        Assert.Equal((bus.Today, bus.Today, false), (job!.StartedOn, job.EndedOn, job.IsRunning));
        Assert.True(Assert.Single(await bus.CasesAsync(household.Id)).IsOpen);
        Assert.Empty(await bus.ClosedAsync(household.Id));
        Assert.True((await bus.PlanAsync(household.Id)).IsZeroEmployment);
    }

    [Fact]
    public async Task A_job_wish_heard_of_before_the_registration_waits_on_a_placeholder_and_applies_when_the_member_arrives()
    {
        var head = bus.Member("Head", 45);
        var registered = bus.Registration([head], at: bus.Now.AddMinutes(5));
        var id = registered.HouseholdId;

        await bus.DeliverAsync(new JobWishRecorded(id, head.MemberId, TestRegions.Village, "Garment sewing", bus.Now));
        var placeholder = Assert.Single((await bus.ReplicaAsync(id))!.Members);
        Assert.Equal((head.MemberId, false, WorkWish.Wishes), (placeholder.Id, placeholder.IsCurrent, placeholder.WorkWish));

        await bus.DeliverAsync(registered);

        var member = Assert.Single((await bus.ReplicaAsync(id))!.Members);
        Assert.Equal((true, WorkWish.Wishes, bus.Now, head.BirthDate), (member.IsCurrent, member.WorkWish, member.WorkWishAsOf, member.BirthDate));
        Assert.Equal((HouseholdStatus.Registered, "Relocation"), ((await bus.ReplicaAsync(id))!.Status, (await bus.ReplicaAsync(id))!.Pathway));
    }

    [Fact]
    public async Task Jobs_of_a_household_known_not_to_be_relocating_are_not_kept()
    {
        var household = await Service.Household().Head().Pathway("Education").RegisterAsync();
        var started = Started(household, household.Head);

        var messageId = await bus.DeliverAsync(started);
        await bus.DeliverAsync(Ended(household, household.Head, started.EmploymentId));

        Assert.Null(await bus.JobAsync(started.EmploymentId));
        Assert.Equal(1, await bus.InboxRowsAsync(messageId));
    }

    [Fact]
    public async Task Removing_the_only_labourer_closes_the_case_as_no_labour_seeking_work()
    {
        var household = await Service.Household().Head().Child().RegisterAsync();
        await Service.SeedPlanAsync(household, await Service.SeedSiteAsync());
        var opened = Assert.Single(await bus.CasesAsync(household.Id));

        await bus.DeliverAsync(new HouseholdMembersChanged(household.Id, household.RegionCode, bus.Now.AddMinutes(1), [household.Members[1]]));

        var closed = Assert.Single(await bus.CasesAsync(household.Id));
        Assert.Equal((opened.Id, CaseOutcome.NoLabourSeekingWork, (Guid?)null), (closed.Id, closed.Outcome, closed.ClosingEmploymentId));
        Assert.NotNull(closed.ClosedAt);
        var closeEvent = Assert.Single(await bus.ClosedAsync(household.Id));
        Assert.Equal(("NoLabourSeekingWork", (Guid?)null), (closeEvent.Outcome, closeEvent.EmploymentId));
        var plan = await bus.PlanAsync(household.Id);
        Assert.Equal((0, 0, false), (plan.MembersSeekingWork, plan.MembersEmployed, plan.IsZeroEmployment));
    }

    [Fact]
    public async Task A_new_case_is_assigned_to_the_sites_case_officer_and_left_unassigned_where_none_is_named()
    {
        var withOfficer = await Service.Household().Head().RegisterAsync();
        var withoutOfficer = await Service.Household().Head().RegisterAsync();

        await Service.SeedPlanAsync(withOfficer, await Service.SeedSiteAsync(caseOfficer: "officer-wang"));
        await Service.SeedPlanAsync(withoutOfficer, await Service.SeedSiteAsync());

        var assigned = Assert.Single(await bus.CasesAsync(withOfficer.Id));
        Assert.Equal(("officer-wang", "officer-wang", (DateTime?)bus.Now), (assigned.AssignedTo, assigned.AssigneeName, assigned.AssignedAt));
        var unassigned = Assert.Single(await bus.CasesAsync(withoutOfficer.Id));
        Assert.Equal((null, null, null), (unassigned.AssignedTo, unassigned.AssigneeName, unassigned.AssignedAt));
    }
}
