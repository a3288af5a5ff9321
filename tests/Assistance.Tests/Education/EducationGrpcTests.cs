using Grpc.Core;
using Pa.Assistance.V1;
using Pa.Common.V1;
using Platform.Assistance.Exchange;
using Platform.HouseholdRegistry.Contracts;
using Platform.Security;

namespace Platform.Assistance.Tests.Education;

/// <summary>The education service's calls, with their failure codes.</summary>
public sealed class EducationGrpcTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private EducationService.EducationServiceClient Education => service.Client<EducationService.EducationServiceClient>();

    private CallOptions Village => service.VillageOfficer(TestRegions.Village);

    [Fact]
    public async Task An_enrolment_is_recorded_listed_and_not_recorded_twice_for_the_same_school_year()
    {
        var household = await service.Household().Head().Child(age: 11).RegisterAsync();
        var child = household.Members[1];

        var recorded = await Education.RecordEnrolmentAsync(EducationRequests.Enrol(household, child), Village);
        Assert.Equal((SchoolStage.Primary, 2025, EnrolmentSource.Officer), (recorded.Enrolment.Stage, recorded.Enrolment.SchoolYear, recorded.Enrolment.Source));
        Assert.Equal(GuaranteeState.Met, recorded.Education.State);

        var listed = await Education.ListEnrolmentsAsync(new ListEnrolmentsRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.County));
        Assert.Equal(recorded.Enrolment.EnrolmentId, Assert.Single(listed.Enrolments).EnrolmentId);

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, Education.RecordEnrolmentAsync(EducationRequests.Enrol(household, child), Village));
    }

    [Fact]
    public async Task Recording_an_enrolment_checks_its_fields_the_member_the_region_and_the_role()
    {
        var household = await service.Household().Head().Child(age: 11).RegisterAsync();
        var child = household.Members[1];

        var noStage = EducationRequests.Enrol(household, child, SchoolStage.Unspecified);
        Assert.Equal("stage", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Education.RecordEnrolmentAsync(noStage, Village))));
        var badGrade = EducationRequests.Enrol(household, child);
        badGrade.Grade = 13;
        Assert.Equal("grade", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Education.RecordEnrolmentAsync(badGrade, Village))));
        var farYear = EducationRequests.Enrol(household, child, schoolYear: 2030);
        Assert.Equal("school_year", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Education.RecordEnrolmentAsync(farYear, Village))));
        var stranger = EducationRequests.Enrol(household, child);
        stranger.MemberId = Guid.NewGuid().ToString();
        Assert.Equal("member_id", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Education.RecordEnrolmentAsync(stranger, Village))));

        await RpcAssert.FailsAsync(StatusCode.NotFound, Education.RecordEnrolmentAsync(EducationRequests.Enrol(household, child), service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Education.ListEnrolmentsAsync(new ListEnrolmentsRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Education.RecordEnrolmentAsync(EducationRequests.Enrol(household, child), service.Department(DepartmentKind.Education)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Education.RecordEnrolmentAsync(EducationRequests.Enrol(household, child), service.As(PlatformRoles.Auditor, TestRegions.County)));
    }

    [Fact]
    public async Task Ending_an_enrolment_opens_a_dropout_case_and_an_ended_enrolment_cannot_end_again()
    {
        var household = await service.Household().Head().Child(age: 12).RegisterAsync();
        var enrolment = (await Education.RecordEnrolmentAsync(EducationRequests.Enrol(household, household.Members[1], SchoolStage.Junior), Village)).Enrolment;
        var end = new EndEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId, WithdrawnOn = service.Today.AddDays(1).Proto() };

        Assert.Equal("withdrawn_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Education.EndEnrolmentAsync(end, Village))));
        end.WithdrawnOn = service.Today.Proto();
        await RpcAssert.FailsAsync(StatusCode.NotFound, Education.EndEnrolmentAsync(end, service.CountyOfficer(TestRegions.OtherCounty)));
        var ended = await Education.EndEnrolmentAsync(end, Village);
        Assert.Equal(service.Today.Proto(), ended.Enrolment.WithdrawnOn);
        Assert.Equal(GuaranteeState.NotMet, ended.Education.State);
        Assert.StartsWith("dropout-case:", ended.Education.DecidingRecord);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Education.EndEnrolmentAsync(end, Village));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Education.GrantSubsidyAsync(
            new GrantSubsidyRequest { EnrolmentId = enrolment.EnrolmentId, Kind = SubsidyKind.LivingSubsidy, Amount = new Money { Fen = 50_000 }, Year = 2026 }, Village));
    }

    [Fact]
    public async Task Subsidies_are_granted_within_the_rules_and_listed()
    {
        var household = await service.Household().Head().Child(age: 17).Child(age: 13).RegisterAsync();
        var senior = (await Education.RecordEnrolmentAsync(EducationRequests.Enrol(household, household.Members[1], SchoolStage.Senior), Village)).Enrolment;
        var junior = (await Education.RecordEnrolmentAsync(EducationRequests.Enrol(household, household.Members[2], SchoolStage.Junior), Village)).Enrolment;
        GrantSubsidyRequest Grant(Pa.Assistance.V1.Enrolment e, SubsidyKind kind, long fen = 120_000) =>
            new() { EnrolmentId = e.EnrolmentId, Kind = kind, Amount = new Money { Fen = fen }, Year = 2026 };

        var waiver = await Education.GrantSubsidyAsync(Grant(senior, SubsidyKind.TuitionWaiver), Village);
        Assert.Equal((SubsidyKind.TuitionWaiver, 120_000L), (waiver.Subsidy.Kind, waiver.Subsidy.Amount.Fen));
        await Education.GrantSubsidyAsync(Grant(junior, SubsidyKind.LivingSubsidy), Village);

        var notEligible = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Education.GrantSubsidyAsync(Grant(junior, SubsidyKind.TuitionWaiver), Village));
        Assert.Contains("senior, vocational and university", notEligible.Status.Detail);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Education.GrantSubsidyAsync(Grant(senior, SubsidyKind.RainDewPlan), Village));
        Assert.Equal("amount", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Education.GrantSubsidyAsync(Grant(senior, SubsidyKind.LivingSubsidy, 0), Village))));
        Assert.Equal("kind", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Education.GrantSubsidyAsync(Grant(senior, SubsidyKind.Unspecified), Village))));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Education.GrantSubsidyAsync(Grant(senior, SubsidyKind.LivingSubsidy), service.CountyOfficer(TestRegions.OtherCounty)));

        var listed = await Education.ListSubsidiesAsync(new ListSubsidiesRequest { HouseholdId = household.Id.ToString() }, service.As(PlatformRoles.Auditor, TestRegions.County));
        Assert.Equal(2, listed.Subsidies.Count);
        await RpcAssert.FailsAsync(StatusCode.NotFound, Education.ListSubsidiesAsync(new ListSubsidiesRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.OtherCounty)));
    }

    [Fact]
    public async Task After_exit_a_university_student_keeps_the_waiver_and_a_senior_student_only_while_support_lasts()
    {
        var household = await service.Household().Head().Child(age: 19).Child(age: 17).RegisterAsync();
        var university = (await Education.RecordEnrolmentAsync(EducationRequests.Enrol(household, household.Members[1], SchoolStage.University), Village)).Enrolment;
        var senior = (await Education.RecordEnrolmentAsync(EducationRequests.Enrol(household, household.Members[2], SchoolStage.Senior), Village)).Enrolment;
        await service.ApplyAsync(new HouseholdExited(household.Id, household.RegionCode, service.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), service.Today.AddDays(-1)));
        GrantSubsidyRequest Waiver(Pa.Assistance.V1.Enrolment e) => new() { EnrolmentId = e.EnrolmentId, Kind = SubsidyKind.TuitionWaiver, Amount = new Money { Fen = 450_000 }, Year = 2026 };

        await Education.GrantSubsidyAsync(Waiver(university), Village);
        var ended = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Education.GrantSubsidyAsync(Waiver(senior), Village));
        Assert.Contains("post-exit support ended", ended.Status.Detail);
    }

    [Fact]
    public async Task An_exemption_closes_the_case_and_meets_the_guarantee_and_its_dates_are_checked()
    {
        var household = await service.Household().Head().Child(age: 8, health: "Disability", disabilityGrade: 1).RegisterAsync();
        var child = household.Members[1];
        var request = new RecordExemptionRequest
        {
            HouseholdId = household.Id.ToString(), MemberId = child.Id.ToString(), Kind = ExemptionKind.HomeTeaching,
            Reason = "severe disability; teachers visit weekly (送教上门)", ApprovedBy = "county education bureau",
            From = service.Today.AddMonths(-1).Proto(), Until = service.Today.AddMonths(-2).Proto(),
        };

        Assert.Equal("until", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Education.RecordExemptionAsync(request, Village))));
        request.Until = null;
        request.ApprovedBy = "";
        Assert.Equal("approved_by", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Education.RecordExemptionAsync(request, Village))));
        request.ApprovedBy = "county education bureau";
        await RpcAssert.FailsAsync(StatusCode.NotFound, Education.RecordExemptionAsync(request, service.VillageOfficer(TestRegions.OtherVillage)));

        var recorded = await Education.RecordExemptionAsync(request, Village);
        Assert.Equal(GuaranteeState.Met, recorded.Education.State);
        Assert.Equal($"exemption:{recorded.Exemption.ExemptionId}", recorded.Education.DecidingRecord);
        var cases = await Education.ListDropoutCasesAsync(new ListDropoutCasesRequest { IncludeClosed = true }, Village);
        var closed = Assert.Single(cases.Cases, c => c.MemberId == child.Id.ToString());
        Assert.False(closed.Open);
        Assert.Equal($"exemption:{recorded.Exemption.ExemptionId}", closed.ClosingRecord);
    }

    [Fact]
    public async Task Cases_are_listed_per_region_open_only_by_default_in_pages_and_followed_up_with_visits()
    {
        const string village = "341522100207";
        var first = await service.Household(village).Head().Child(age: 9).RegisterAsync();
        var second = await service.Household(village).Head().Child(age: 14, schooling: "DroppedOut").RegisterAsync();
        var enrolled = await service.Household(village).Head().Child(age: 7).RegisterAsync();
        await Education.RecordEnrolmentAsync(EducationRequests.Enrol(enrolled, enrolled.Members[1]), service.VillageOfficer(village));
        var officer = service.VillageOfficer(village);

        var page1 = await Education.ListDropoutCasesAsync(new ListDropoutCasesRequest { Page = new PageRequest { PageSize = 1 } }, officer);
        Assert.Equal(2, page1.Page.TotalSize);
        var page2 = await Education.ListDropoutCasesAsync(new ListDropoutCasesRequest { Page = new PageRequest { PageSize = 1, PageToken = page1.Page.NextPageToken } }, officer);
        Assert.Equal("", page2.Page.NextPageToken);
        Assert.Equal(
            new[] { first.Id.ToString(), second.Id.ToString() }.Order(),
            page1.Cases.Concat(page2.Cases).Select(c => c.HouseholdId).Order());
        var all = await Education.ListDropoutCasesAsync(new ListDropoutCasesRequest { IncludeClosed = true }, officer);
        Assert.Equal(3, all.Cases.Count);
        await RpcAssert.FailsAsync(StatusCode.NotFound, Education.ListDropoutCasesAsync(new ListDropoutCasesRequest { RegionCode = TestRegions.OtherCounty }, officer));
        Assert.Equal("page.page_token", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Education.ListDropoutCasesAsync(new ListDropoutCasesRequest { Page = new PageRequest { PageToken = "bm90LWEtZ3VpZA" } }, officer))));

        var caseId = page1.Cases[0].CaseId;
        var visit = new RecordDropoutVisitRequest { CaseId = caseId, VisitedOn = service.Today.Proto(), Outcome = "", NextStep = "talk to the school" };
        Assert.Equal("outcome", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Education.RecordDropoutVisitAsync(visit, officer))));
        visit.Outcome = "parents agree to send the child back after the holiday";
        var visited = await Education.RecordDropoutVisitAsync(visit, officer);
        Assert.Equal(visit.Outcome, Assert.Single(visited.DropoutCase.Visits).Outcome);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Education.RecordDropoutVisitAsync(visit, service.As(PlatformRoles.Auditor, TestRegions.County)));

        var read = await Education.GetDropoutCaseAsync(new GetDropoutCaseRequest { CaseId = caseId }, service.As(PlatformRoles.Auditor, TestRegions.County));
        Assert.Single(read.DropoutCase.Visits);
        Assert.True(read.DropoutCase.Open);
        await RpcAssert.FailsAsync(StatusCode.NotFound, Education.GetDropoutCaseAsync(new GetDropoutCaseRequest { CaseId = caseId }, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Education.GetDropoutCaseAsync(new GetDropoutCaseRequest { CaseId = Guid.NewGuid().ToString() }, officer));
    }

    [Fact]
    public async Task A_case_closes_when_the_child_leaves_the_household_and_a_closed_case_takes_no_visits()
    {
        var household = await service.Household().Head().Child(age: 10).RegisterAsync();
        var caseId = (await Education.ListDropoutCasesAsync(new ListDropoutCasesRequest(), Village)).Cases.Single(c => c.HouseholdId == household.Id.ToString()).CaseId;

        await service.ApplyAsync(new HouseholdMembersChanged(household.Id, household.RegionCode, service.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), [household.Head.Facts]));

        var closed = (await Education.GetDropoutCaseAsync(new GetDropoutCaseRequest { CaseId = caseId }, Village)).DropoutCase;
        Assert.False(closed.Open);
        Assert.Equal("the child left the household", closed.ClosingReason);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Education.RecordDropoutVisitAsync(
            new RecordDropoutVisitRequest { CaseId = caseId, VisitedOn = service.Today.Proto(), Outcome = "visited" }, Village));
    }

    [Fact]
    public async Task A_case_closes_when_the_child_passes_the_compulsory_age()
    {
        var household = await service.Household().Head().Child(age: 15).RegisterAsync();
        var child = household.Members[1];
        var caseId = (await Education.ListDropoutCasesAsync(new ListDropoutCasesRequest(), Village)).Cases.Single(c => c.HouseholdId == household.Id.ToString()).CaseId;

        // The registry corrects the birth date: the child is 16.
        var older = child.Facts with { BirthDate = service.Today.AddYears(-16) };
        await service.ApplyAsync(new HouseholdMembersChanged(household.Id, household.RegionCode, service.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), [household.Head.Facts, older]));

        var closed = (await Education.GetDropoutCaseAsync(new GetDropoutCaseRequest { CaseId = caseId }, Village)).DropoutCase;
        Assert.Equal((false, "the child is no longer of compulsory-education age"), (closed.Open, closed.ClosingReason));
    }

    [Fact]
    public async Task Coverage_counts_compulsory_age_children_those_covered_and_open_cases()
    {
        const string village = "341522100208";
        var household = await service.Household(village).Head().Child(age: 6).Child(age: 15).Child(age: 16).Child(age: 5).RegisterAsync();
        await Education.RecordEnrolmentAsync(EducationRequests.Enrol(household, household.Members[1], SchoolStage.Preschool), service.VillageOfficer(village));

        var coverage = (await service.Client<GuaranteeService.GuaranteeServiceClient>().GetRegionCoverageAsync(
            new GetRegionCoverageRequest { RegionCode = village }, service.CountyOfficer(TestRegions.County))).Coverage;

        Assert.Equal((2, 1, 1), (coverage.CompulsoryAgeChildren, coverage.CompulsoryAgeCovered, coverage.DropoutCasesOpen));
    }
}
