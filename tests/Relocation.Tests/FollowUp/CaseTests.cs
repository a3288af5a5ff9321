using Grpc.Core;
using Pa.Common.V1;
using Pa.Relocation.V1;
using Platform.ServiceDefaults;

namespace Platform.Relocation.Tests.FollowUp;

public sealed class CaseTests(RelocationFactory service) : IClassFixture<RelocationFactory>
{
    private FollowUpService.FollowUpServiceClient Client => service.Client<FollowUpService.FollowUpServiceClient>();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    /// <summary>A moved-in family whose only labourer has no job: its case is open.</summary>
    private async Task<(TestHousehold Household, string CaseId)> ZeroEmploymentFamilyAsync(string siteRegion = TestRegions.Township, string? caseOfficer = null)
    {
        var household = await service.Household().Head().RegisterAsync();
        var site = await service.SeedSiteAsync(siteRegion, caseOfficer: caseOfficer);
        await service.SeedPlanAsync(household, site);
        var family = await Client.GetFamilyFollowUpAsync(new GetFamilyFollowUpRequest { HouseholdId = household.Id.ToString() }, County);
        return (household, family.Family.OpenCase.CaseId);
    }

    private RecordCaseActionRequest Action(string caseId, DateOnly? takenOn = null) => new()
    {
        CaseId = caseId, Kind = CaseActionKind.JobReferral, Details = "Referred to the garment workshop", TakenOn = (takenOn ?? service.Today).ToProto(),
    };

    [Fact]
    public async Task A_case_is_assigned_acted_on_and_read_with_its_actions()
    {
        var (_, caseId) = await ZeroEmploymentFamilyAsync();

        var assigned = (await Client.AssignCaseAsync(new AssignCaseRequest { CaseId = caseId, AssigneeSubject = "wang", AssigneeName = "Wang Li" }, County)).FollowUpCase;
        Assert.Equal("wang", assigned.AssignedTo);
        Assert.Equal("Wang Li", assigned.AssigneeName);
        var action = (await Client.RecordCaseActionAsync(Action(caseId, service.Today.AddDays(-1)), County)).Action;
        Assert.Equal(CaseActionKind.JobReferral, action.Kind);
        Assert.Equal("officer-" + TestRegions.County, action.RecordedBy);

        var read = (await Client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, service.VillageOfficer(TestRegions.Village))).FollowUpCase;
        Assert.Equal(CaseOutcome.Open, read.Outcome);
        Assert.Equal(1, read.ActionCount);
        Assert.Equal(action.ActionId, Assert.Single(read.Actions).ActionId);
    }

    [Fact]
    public async Task A_closed_case_takes_no_action_and_no_assignment()
    {
        var (household, caseId) = await ZeroEmploymentFamilyAsync();
        await service.EmployAsync(household, household.Head.MemberId);

        var error = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Client.RecordCaseActionAsync(Action(caseId), County));
        Assert.Contains("closed", error.Status.Detail);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            Client.AssignCaseAsync(new AssignCaseRequest { CaseId = caseId, AssigneeSubject = "wang", AssigneeName = "Wang Li" }, County));
        Assert.Equal(CaseOutcome.Employed, (await Client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, County)).FollowUpCase.Outcome);
    }

    [Fact]
    public async Task Case_requests_are_validated_field_by_field()
    {
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.RecordCaseActionAsync(new RecordCaseActionRequest
        {
            CaseId = "1", Kind = CaseActionKind.Unspecified, Details = new string('d', 501), TakenOn = new Date { Year = 2026, Month = 2, Day = 30 },
        }, County));
        // The contract's rules answer first; the date that does not exist is the handler's, in a second round.
        Assert.Equal(["case_id", "kind", "details"], RpcAssert.InvalidFields(error));
        var impossible = Action(Guid.NewGuid().ToString());
        (impossible.Details, impossible.TakenOn) = ("  ", new Date { Year = 2026, Month = 2, Day = 30 });
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.RecordCaseActionAsync(impossible, County));
        Assert.Equal(["details", "taken_on"], RpcAssert.InvalidFields(error));
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.RecordCaseActionAsync(Action(Guid.NewGuid().ToString(), service.Today.AddDays(1)), County));
        Assert.Equal("taken_on", RpcAssert.InvalidField(error));
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.AssignCaseAsync(new AssignCaseRequest { CaseId = Guid.NewGuid().ToString(), AssigneeName = "x" }, County));
        Assert.Equal("assignee_subject", RpcAssert.InvalidField(error));
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.GetCaseAsync(new GetCaseRequest(), County));
        Assert.Equal("case_id", RpcAssert.InvalidField(error));
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.ListCasesAsync(new ListCasesRequest { RegionCode = "34", Status = (CaseStatusFilter)9 }, County));
        Assert.Equal(["region_code", "status"], RpcAssert.InvalidFields(error));
    }

    [Fact]
    public async Task The_origin_reads_a_case_but_only_the_destination_manages_it()
    {
        var (_, caseId) = await ZeroEmploymentFamilyAsync(TestRegions.OtherCountyTownship);
        var assign = new AssignCaseRequest { CaseId = caseId, AssigneeSubject = "wang", AssigneeName = "Wang Li" };

        Assert.Equal(caseId, (await Client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, County)).FollowUpCase.CaseId);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.AssignCaseAsync(assign, County));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.RecordCaseActionAsync(Action(caseId), County));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.AssignCaseAsync(assign, service.As(Security.PlatformRoles.Auditor, TestRegions.Province)));
        await Client.AssignCaseAsync(assign, service.CountyOfficer(TestRegions.OtherCounty));
    }

    [Fact]
    public async Task Another_county_does_not_find_a_case()
    {
        var (_, caseId) = await ZeroEmploymentFamilyAsync();
        var other = service.CountyOfficer(TestRegions.OtherCounty);

        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, other));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.AssignCaseAsync(new AssignCaseRequest { CaseId = caseId, AssigneeSubject = "a", AssigneeName = "A" }, other));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.RecordCaseActionAsync(Action(caseId), other));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.GetCaseAsync(new GetCaseRequest { CaseId = Guid.NewGuid().ToString() }, County));
    }

    [Fact]
    public async Task Cases_are_listed_by_site_status_and_assignee_within_the_callers_region()
    {
        var (_, open) = await ZeroEmploymentFamilyAsync(caseOfficer: "zhao");
        var household = await service.Household().Head().RegisterAsync();
        var site = await service.SeedSiteAsync(caseOfficer: "zhao");
        await service.SeedPlanAsync(household, site);
        await service.EmployAsync(household, household.Head.MemberId);
        var (_, elsewhere) = await ZeroEmploymentFamilyAsync(TestRegions.OtherCountyTownship);

        var all = await Client.ListCasesAsync(new ListCasesRequest { AssignedTo = "zhao" }, County);
        Assert.Equal(2, all.Cases.Count);
        Assert.DoesNotContain(all.Cases, c => c.CaseId == elsewhere);
        Assert.All(all.Cases, c => Assert.Empty(c.Actions));

        var openOnly = await Client.ListCasesAsync(new ListCasesRequest { AssignedTo = "zhao", Status = CaseStatusFilter.Open }, County);
        Assert.Equal(open, Assert.Single(openOnly.Cases).CaseId);
        var closedAtSite = await Client.ListCasesAsync(new ListCasesRequest { SiteId = site.Id.ToString(), Status = CaseStatusFilter.Closed }, County);
        Assert.Equal(CaseOutcome.Employed, Assert.Single(closedAtSite.Cases).Outcome);

        var first = await Client.ListCasesAsync(new ListCasesRequest { AssignedTo = "zhao", Page = new PageRequest { PageSize = 1 } }, County);
        Assert.Equal(2, first.Page.TotalSize);
        var second = await Client.ListCasesAsync(new ListCasesRequest { AssignedTo = "zhao", Page = new PageRequest { PageSize = 1, PageToken = first.Page.NextPageToken } }, County);
        Assert.NotEqual(first.Cases[0].CaseId, Assert.Single(second.Cases).CaseId);
        Assert.Equal("", second.Page.NextPageToken);

        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.ListCasesAsync(new ListCasesRequest { RegionCode = TestRegions.OtherCounty }, County));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.ListCasesAsync(new ListCasesRequest { SiteId = site.Id.ToString() }, service.CountyOfficer(TestRegions.OtherCounty)));
    }
}
