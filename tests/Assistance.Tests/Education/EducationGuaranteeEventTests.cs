using Pa.Assistance.V1;
using Platform.Assistance.Contracts;

namespace Platform.Assistance.Tests.Education;

/// <summary>控辍保学 end to end inside the service: registry facts open a case, an enrolment closes it, and the registry hears both.</summary>
public sealed class EducationGuaranteeEventTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private EducationService.EducationServiceClient Education => service.Client<EducationService.EducationServiceClient>();

    [Fact]
    public async Task A_dropped_out_ten_year_old_opens_a_case_and_is_not_met_until_enrolled_which_closes_the_case_and_tells_the_registry()
    {
        var household = await service.Household().Head().Child(age: 10, schooling: "DroppedOut").RegisterAsync();
        var child = household.Members[1];

        var first = Assert.Single(await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id));
        Assert.Equal("NotMet", first.Education);
        Assert.Contains(first.Reasons, r => r.StartsWith("Education: 1 child of compulsory-education age neither enrolled nor exempt; dropout-risk case"));

        var cases = await Education.ListDropoutCasesAsync(new ListDropoutCasesRequest(), service.VillageOfficer(TestRegions.Village));
        var opened = Assert.Single(cases.Cases, c => c.HouseholdId == household.Id.ToString());
        Assert.Equal((child.Id.ToString(), DropoutCaseReason.DroppedOutPerRegistry, true), (opened.MemberId, opened.Reason, opened.Open));

        var enrolled = await Education.RecordEnrolmentAsync(EducationRequests.Enrol(household, child), service.VillageOfficer(TestRegions.Village));
        Assert.Equal(GuaranteeState.Met, enrolled.Education.State);
        Assert.Equal($"enrolment:{enrolled.Enrolment.EnrolmentId}", enrolled.Education.DecidingRecord);

        var closed = (await Education.GetDropoutCaseAsync(new GetDropoutCaseRequest { CaseId = opened.CaseId }, service.VillageOfficer(TestRegions.Village))).DropoutCase;
        Assert.False(closed.Open);
        Assert.Equal($"enrolment:{enrolled.Enrolment.EnrolmentId}", closed.ClosingRecord);
        Assert.NotNull(closed.ClosedAt);

        var events = await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id);
        Assert.Equal(2, events.Count);
        Assert.Equal("Met", events[1].Education);
        Assert.DoesNotContain(events[1].Reasons, r => r.StartsWith("Education:"));
    }

    [Fact]
    public async Task Reassessing_again_keeps_one_open_case_per_child()
    {
        var household = await service.Household().Head().Child(age: 9).Child(age: 13).RegisterAsync();

        await service.ApplyAsync(new Platform.HouseholdRegistry.Contracts.HouseholdMembersChanged(
            household.Id, household.RegionCode, service.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), household.Members.Select(m => m.Facts).ToList()));

        var open = await service.QueryAsync(db => Task.FromResult(db.Set<Platform.Assistance.Education.DropoutCase>().Count(c => c.HouseholdId == household.Id && c.ClosedAt == null)));
        Assert.Equal(2, open);
        var events = await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id);
        Assert.Contains(events[0].Reasons, r => r.StartsWith("Education: 2 children"));
    }
}
