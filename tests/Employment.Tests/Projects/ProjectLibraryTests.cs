using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Employment.V1;
using Platform.Security;

namespace Platform.Employment.Tests.Projects;

/// <summary>The project library over gRPC: proposal, county decision, lifecycle, dynamic adjustment, reads and scoping.</summary>
public sealed class ProjectLibraryTests(EmploymentFactory service) : IClassFixture<EmploymentFactory>
{
    private readonly ProjectDriver _projects = new(service);

    private ProjectLibraryService.ProjectLibraryServiceClient Client => _projects.Client;

    [Fact]
    public async Task A_village_officer_proposes_a_project_whose_budget_is_the_sum_of_its_sources()
    {
        var project = await _projects.ProposeAsync();

        Assert.Equal(ProjectStatus.Proposed, project.Status);
        Assert.Equal(1_000_001, project.ProposedBudget.Fen);
        Assert.Equal(TestRegions.Village, project.VillageCode);
        Assert.Equal(TestRegions.County, project.CountyCode);
        Assert.Equal(2, project.Funding.Count);
        var audited = await service.QueryAsync(db => db.Set<Platform.Persistence.AuditRecord>().CountAsync(a => a.EntityId == project.ProjectId && a.Action == "projects.propose"));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task A_proposal_names_every_invalid_field()
    {
        var request = new ProposeProjectRequest { Name = "", Type = ProjectType.Unspecified };
        request.Funding.Add(ProjectDriver.Share(FundingSource.CentralFiscal, 0));
        request.Funding.Add(ProjectDriver.Share(FundingSource.CentralFiscal, 5));
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.ProposeProjectAsync(request, service.VillageOfficer(TestRegions.Village)));

        // The contract's field rules answer first; once they hold, the handler names a source given twice.
        Assert.Equal(["name", "type", "funding[0].amount"], RpcAssert.InvalidFields(error));
        (request.Name, request.Type, request.Funding[0].Amount.Fen) = ("Chicken raising", ProjectType.Breeding, 1);
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.ProposeProjectAsync(request, service.VillageOfficer(TestRegions.Village)));
        Assert.Equal(["funding[1].source"], RpcAssert.InvalidFields(error));
    }

    [Fact]
    public async Task Only_a_village_officer_proposes_and_only_for_their_own_village()
    {
        var request = new ProposeProjectRequest { Name = "Tea garden", Type = ProjectType.Planting, VillageCode = TestRegions.Village };
        request.Funding.Add(ProjectDriver.Share(FundingSource.CountyFiscal, 100));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.ProposeProjectAsync(request, service.CountyOfficer(TestRegions.County)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.ProposeProjectAsync(request, service.VillageOfficer(TestRegions.OtherVillage)));
    }

    [Fact]
    public async Task The_county_approves_at_most_the_proposed_budget()
    {
        var project = await _projects.ProposeAsync();
        var tooMuch = new ApproveProjectRequest { ProjectId = project.ProjectId, ApprovedBudget = new Money { Fen = 1_000_002 } };
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.ApproveProjectAsync(tooMuch, service.CountyOfficer(TestRegions.County)));
        Assert.Equal("approved_budget", RpcAssert.InvalidField(error));

        var approved = (await Client.ApproveProjectAsync(
            new ApproveProjectRequest { ProjectId = project.ProjectId, ApprovedBudget = new Money { Fen = 900_000 } }, service.CountyOfficer(TestRegions.County))).Project;
        Assert.Equal(ProjectStatus.Approved, approved.Status);
        Assert.Equal(900_000, approved.ApprovedBudget.Fen);
    }

    [Fact]
    public async Task A_village_officer_cannot_approve_and_another_county_does_not_see_the_project()
    {
        var project = await _projects.ProposeAsync();
        var approve = new ApproveProjectRequest { ProjectId = project.ProjectId, ApprovedBudget = new Money { Fen = 1 } };

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.ApproveProjectAsync(approve, service.VillageOfficer(TestRegions.Village)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.ApproveProjectAsync(approve, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.GetProjectAsync(new GetProjectRequest { ProjectId = project.ProjectId }, service.CountyOfficer(TestRegions.OtherCounty)));
    }

    [Fact]
    public async Task A_rejected_project_keeps_its_reason_and_cannot_be_approved_later()
    {
        var project = await _projects.ProposeAsync();
        var county = service.CountyOfficer(TestRegions.County);
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.RejectProjectAsync(new RejectProjectRequest { ProjectId = project.ProjectId }, county));
        Assert.Equal("reason", RpcAssert.InvalidField(error));

        var rejected = (await Client.RejectProjectAsync(new RejectProjectRequest { ProjectId = project.ProjectId, Reason = "No market for the product" }, county)).Project;
        Assert.Equal(ProjectStatus.Rejected, rejected.Status);
        Assert.Equal("No market for the product", rejected.RejectionReason);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            Client.ApproveProjectAsync(new ApproveProjectRequest { ProjectId = project.ProjectId, ApprovedBudget = new Money { Fen = 1 } }, county));
    }

    [Fact]
    public async Task A_project_goes_through_implementation_acceptance_and_operation_to_a_stop_with_its_reason()
    {
        var village = service.VillageOfficer(TestRegions.Village);
        var project = await _projects.ImplementingAsync();
        Assert.Equal(ProjectStatus.Implementing, project.Status);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Client.StartOperationAsync(new StartOperationRequest { ProjectId = project.ProjectId }, village));

        await _projects.ProgressAsync(project.ProjectId, 80);
        var acceptance = new RecordCompletionAcceptanceRequest { ProjectId = project.ProjectId, Passed = true, Inspector = "Bureau", InspectedOn = _projects.Today };
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Client.RecordCompletionAcceptanceAsync(acceptance, village));
        acceptance.Passed = false;
        acceptance.Findings = "Coop roofs unfinished";
        Assert.Equal(ProjectStatus.Implementing, (await Client.RecordCompletionAcceptanceAsync(acceptance, village)).Project.Status);

        await _projects.ProgressAsync(project.ProjectId, 100);
        acceptance.Passed = true;
        var completed = (await Client.RecordCompletionAcceptanceAsync(acceptance, village)).Project;
        Assert.Equal(ProjectStatus.Completed, completed.Status);
        Assert.Equal([false, true], completed.Acceptances.Select(a => a.Passed));

        Assert.Equal(ProjectStatus.Operating, (await Client.StartOperationAsync(new StartOperationRequest { ProjectId = project.ProjectId }, village)).Project.Status);
        var stopped = (await Client.StopOperationAsync(new StopOperationRequest { ProjectId = project.ProjectId, Reason = "Avian flu" }, village)).Project;
        Assert.Equal(ProjectStatus.Stopped, stopped.Status);
        Assert.Equal("Avian flu", stopped.StopReason);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Client.StartOperationAsync(new StartOperationRequest { ProjectId = project.ProjectId }, village));
    }

    [Fact]
    public async Task An_acceptance_in_the_future_or_without_inspector_is_invalid()
    {
        var project = await _projects.ImplementingAsync();
        var tomorrow = service.Today.AddDays(1);
        var request = new RecordCompletionAcceptanceRequest
        {
            ProjectId = project.ProjectId, Passed = false, InspectedOn = new Date { Year = tomorrow.Year, Month = tomorrow.Month, Day = tomorrow.Day },
        };
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.RecordCompletionAcceptanceAsync(request, service.VillageOfficer(TestRegions.Village)));

        // The contract's rule (an inspector) first; then the handler's, which needs today's date.
        Assert.Equal(["inspector"], RpcAssert.InvalidFields(error));
        request.Inspector = "County inspector";
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.RecordCompletionAcceptanceAsync(request, service.VillageOfficer(TestRegions.Village)));
        Assert.Equal(["inspected_on"], RpcAssert.InvalidFields(error));
    }

    [Fact]
    public async Task A_replan_before_approval_raises_the_budget_the_county_may_approve_and_keeps_the_history()
    {
        var project = await _projects.ProposeAsync();
        var replan = new ReplanProjectRequest { ProjectId = project.ProjectId, What = "Add a cold store", Why = "Buyers require chilled delivery" };
        replan.Funding.Add(ProjectDriver.Share(FundingSource.IntegratedAgriculturalFunds, 1_200_000));
        var replanned = (await Client.ReplanProjectAsync(replan, service.VillageOfficer(TestRegions.Village))).Project;
        Assert.Equal(1_200_000, replanned.ProposedBudget.Fen);
        var adjustment = Assert.Single(replanned.Adjustments);
        Assert.Equal((1_000_001, 1_200_000), (adjustment.OldBudget.Fen, adjustment.NewBudget.Fen));
        Assert.Equal(("Add a cold store", "Buyers require chilled delivery", $"officer-{TestRegions.Village}"), (adjustment.What, adjustment.Why, adjustment.AdjustedBy));

        var approved = (await Client.ApproveProjectAsync(
            new ApproveProjectRequest { ProjectId = project.ProjectId, ApprovedBudget = new Money { Fen = 1_200_000 } }, service.CountyOfficer(TestRegions.County))).Project;
        Assert.Equal(1_200_000, approved.ApprovedBudget.Fen);
    }

    [Fact]
    public async Task After_approval_only_the_county_replans_and_never_below_what_was_paid()
    {
        var project = await _projects.ImplementingAsync(budget: 1_000_000);
        await _projects.ProgressAsync(project.ProjectId, 50);
        await _projects.Disburse(project.ProjectId, 500_000);
        var replan = new ReplanProjectRequest { ProjectId = project.ProjectId, What = "Smaller flock", Why = "Feed prices" };
        replan.Funding.Add(ProjectDriver.Share(FundingSource.CountyFiscal, 499_999));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.ReplanProjectAsync(replan, service.VillageOfficer(TestRegions.Village)));
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.ReplanProjectAsync(replan, service.CountyOfficer(TestRegions.County)));
        Assert.Equal("funding", RpcAssert.InvalidField(error));

        replan.Funding[0].Amount.Fen = 800_000;
        var replanned = (await Client.ReplanProjectAsync(replan, service.CountyOfficer(TestRegions.County))).Project;
        Assert.Equal(800_000, replanned.ApprovedBudget.Fen);
        Assert.Equal(ProjectStatus.Implementing, Assert.Single(replanned.Adjustments).StatusAtAdjustment);
    }

    [Fact]
    public async Task A_completed_project_is_not_replanned()
    {
        var project = await _projects.CompletedAsync();
        var replan = new ReplanProjectRequest { ProjectId = project.ProjectId, What = "x", Why = "y" };
        replan.Funding.Add(ProjectDriver.Share(FundingSource.CountyFiscal, 1));

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Client.ReplanProjectAsync(replan, service.CountyOfficer(TestRegions.County)));
    }

    [Fact]
    public async Task Projects_are_listed_by_region_and_status_in_pages()
    {
        const string township = "341522200000";
        const string village = "341522200301";
        var first = await _projects.ProposeAsync(village);
        var second = await _projects.ApprovedAsync(village: village);
        var third = await _projects.ProposeAsync(village);
        var auditor = service.As(PlatformRoles.Auditor, township);

        var page1 = await Client.ListProjectsAsync(new ListProjectsRequest { RegionCode = township, Page = new PageRequest { PageSize = 2 } }, auditor);
        var page2 = await Client.ListProjectsAsync(new ListProjectsRequest { RegionCode = township, Page = new PageRequest { PageSize = 2, PageToken = page1.Page.NextPageToken } }, auditor);
        Assert.Equal(3, page1.Page.TotalSize);
        Assert.Equal([first.ProjectId, second.ProjectId, third.ProjectId], page1.Projects.Concat(page2.Projects).Select(p => p.ProjectId));
        Assert.Equal("", page2.Page.NextPageToken);

        var proposed = await Client.ListProjectsAsync(new ListProjectsRequest { RegionCode = township, Status = ProjectStatus.Proposed }, auditor);
        Assert.Equal([first.ProjectId, third.ProjectId], proposed.Projects.Select(p => p.ProjectId));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.ListProjectsAsync(new ListProjectsRequest { RegionCode = TestRegions.OtherCounty }, auditor));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.ListProjectsAsync(new ListProjectsRequest(), service.As(PlatformRoles.Operator, township)));
    }
}
