using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Contracts;
using Platform.Security;
using static Platform.Assistance.Tests.Water.WaterRequests;

namespace Platform.Assistance.Tests.Water;

/// <summary>Water projects: planned, built, completed; completion makes a re-assessment due but never makes water safe by itself.</summary>
public sealed class WaterProjectTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private WaterService.WaterServiceClient Water => service.Client<WaterService.WaterServiceClient>();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    private async Task<WaterProject> CreateAsync(string village = TestRegions.Village, string name = "Pipe extension to the upper hamlet") =>
        (await Water.CreateWaterProjectAsync(Project(village, name), County)).Project;

    private Task<AdvanceWaterProjectResponse> AdvanceAsync(WaterProject project, WaterProjectStatus status) =>
        Water.AdvanceWaterProjectAsync(new AdvanceWaterProjectRequest { ProjectId = project.ProjectId, Status = status }, County).ResponseAsync;

    [Fact]
    public async Task Completion_makes_reassessments_due_and_only_a_new_assessment_of_all_four_makes_water_safe()
    {
        const string village = "341522100221";
        var first = await service.Household(village).Head().RegisterAsync();
        var neighbour = await service.Household("341522100222").Head().RegisterAsync();
        foreach (var household in new[] { first, neighbour })
        {
            await Water.RecordWaterAssessmentAsync(Assessment(household.Id, service.Today, convenience: false), County);
        }

        var project = (await Water.CreateWaterProjectAsync(Project(village), service.VillageOfficer(village))).Project;
        Assert.Equal(WaterProjectStatus.Planned, project.Status);
        Assert.Equal([WaterDimension.Convenience, WaterDimension.Reliability], project.Fixes);

        var added = await Water.AddProjectHouseholdsAsync(new AddProjectHouseholdsRequest { ProjectId = project.ProjectId, HouseholdIds = { first.Id.ToString(), neighbour.Id.ToString() } }, County);
        Assert.Equal((2, 2), (added.HouseholdsAdded, added.Project.HouseholdsServed));

        var started = await AdvanceAsync(project, WaterProjectStatus.UnderConstruction);
        Assert.Equal(Date(service.Today), started.Project.StartedOn);
        var events = await service.OutboxEventsAsync<GuaranteeStatusChanged>(first.Id);
        Assert.Equal("NotMet", events[^1].Water);
        Assert.Contains(events[^1].Reasons, r => r.Contains("project \"Pipe extension to the upper hamlet\" (under construction) serves the household", StringComparison.Ordinal));

        service.Clock.Advance(TimeSpan.FromDays(40));
        var completed = await AdvanceAsync(project, WaterProjectStatus.Completed);
        Assert.Equal((WaterProjectStatus.Completed, 2), (completed.Project.Status, completed.ReassessmentsDue));

        var due = await Water.ListReassessmentsDueAsync(new ListReassessmentsDueRequest { RegionCode = "341522100000" }, County);
        Assert.Equal(new[] { first.Id, neighbour.Id }.Select(i => i.ToString()).Order(), due.Reassessments.Where(r => r.ProjectId == project.ProjectId).Select(r => r.HouseholdId).Order());
        Assert.All(due.Reassessments.Where(r => r.ProjectId == project.ProjectId), r => Assert.Equal(project.Name, r.ProjectName));
        var stillUnsafe = await Water.ListUnsafeWaterHouseholdsAsync(new ListUnsafeWaterHouseholdsRequest { RegionCode = village }, County);
        var reason = Assert.Single(stillUnsafe.Households).Reason;
        Assert.Contains("re-assessment due since project \"Pipe extension to the upper hamlet\" was completed", reason);

        service.Clock.Advance(TimeSpan.FromHours(2));
        var reassessed = await Water.RecordWaterAssessmentAsync(Assessment(first.Id, service.Today), County);

        Assert.Equal(GuaranteeState.Met, reassessed.Water.State);
        Assert.Equal("Met", (await service.OutboxEventsAsync<GuaranteeStatusChanged>(first.Id))[^1].Water);
        due = await Water.ListReassessmentsDueAsync(new ListReassessmentsDueRequest { RegionCode = "341522100000" }, County);
        Assert.Equal([neighbour.Id.ToString()], due.Reassessments.Where(r => r.ProjectId == project.ProjectId).Select(r => r.HouseholdId));
        var villageOnly = await Water.ListReassessmentsDueAsync(new ListReassessmentsDueRequest(), service.VillageOfficer(village));
        Assert.DoesNotContain(villageOnly.Reassessments, r => r.ProjectId == project.ProjectId);
    }

    [Fact]
    public async Task An_assessment_dated_before_completion_does_not_answer_the_reassessment()
    {
        var household = await service.Household().Head().RegisterAsync();
        var project = await CreateAsync(name: "Storage tank");
        await Water.AddProjectHouseholdsAsync(new AddProjectHouseholdsRequest { ProjectId = project.ProjectId, HouseholdIds = { household.Id.ToString() } }, County);
        await AdvanceAsync(project, WaterProjectStatus.UnderConstruction);
        await AdvanceAsync(project, WaterProjectStatus.Completed);
        service.Clock.Advance(TimeSpan.FromHours(1));

        var backdated = await Water.RecordWaterAssessmentAsync(Assessment(household.Id, service.Today.AddDays(-1)), County);

        Assert.Equal(GuaranteeState.Met, backdated.Water.State);
        var due = await Water.ListReassessmentsDueAsync(new ListReassessmentsDueRequest(), County);
        Assert.Contains(due.Reassessments, r => r.HouseholdId == household.Id.ToString() && r.ProjectId == project.ProjectId);
    }

    [Fact]
    public async Task Projects_move_one_step_at_a_time_and_need_households_before_completion()
    {
        var project = await CreateAsync(name: "Well");
        var household = await service.Household().Head().RegisterAsync();

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Water.AdvanceWaterProjectAsync(new AdvanceWaterProjectRequest { ProjectId = project.ProjectId, Status = WaterProjectStatus.Completed }, County));
        await AdvanceAsync(project, WaterProjectStatus.UnderConstruction);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Water.AdvanceWaterProjectAsync(new AdvanceWaterProjectRequest { ProjectId = project.ProjectId, Status = WaterProjectStatus.UnderConstruction }, County));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Water.AdvanceWaterProjectAsync(new AdvanceWaterProjectRequest { ProjectId = project.ProjectId, Status = WaterProjectStatus.Completed }, County));

        await Water.AddProjectHouseholdsAsync(new AddProjectHouseholdsRequest { ProjectId = project.ProjectId, HouseholdIds = { household.Id.ToString() } }, County);
        await AdvanceAsync(project, WaterProjectStatus.Completed);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Water.AdvanceWaterProjectAsync(new AdvanceWaterProjectRequest { ProjectId = project.ProjectId, Status = WaterProjectStatus.Planned }, County));
        var another = await service.Household().Head().RegisterAsync();
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Water.AddProjectHouseholdsAsync(
            new AddProjectHouseholdsRequest { ProjectId = project.ProjectId, HouseholdIds = { another.Id.ToString() } }, County));

        Assert.Equal("status", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Water.AdvanceWaterProjectAsync(new AdvanceWaterProjectRequest { ProjectId = project.ProjectId }, County))));
        Assert.Equal("project_id", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Water.AdvanceWaterProjectAsync(new AdvanceWaterProjectRequest { ProjectId = "x", Status = WaterProjectStatus.Completed }, County))));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Water.AdvanceWaterProjectAsync(
            new AdvanceWaterProjectRequest { ProjectId = Guid.CreateVersion7().ToString(), Status = WaterProjectStatus.Completed }, County));
    }

    [Fact]
    public async Task A_budget_at_the_bound_passes_and_one_fen_more_is_refused()
    {
        var over = Project(TestRegions.Village, "Int64 reservoir");
        over.Budget.Fen = long.MaxValue;
        Assert.Equal("budget", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Water.CreateWaterProjectAsync(over, County))));
        over.Budget.Fen = Platform.ServiceDefaults.MoneyLimits.ProjectBudgetFen + 1;
        Assert.Equal("budget", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Water.CreateWaterProjectAsync(over, County))));

        over.Budget.Fen = Platform.ServiceDefaults.MoneyLimits.ProjectBudgetFen;
        Assert.Equal(over.Budget.Fen, (await Water.CreateWaterProjectAsync(over, County)).Project.Budget.Fen);
    }

    [Fact]
    public async Task Creating_a_project_checks_every_field_and_the_callers_region()
    {
        var bad = new CreateWaterProjectRequest { Name = " ", VillageCode = TestRegions.County, Budget = new() { Fen = 0 }, Fixes = { WaterDimension.Unspecified } };
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Water.CreateWaterProjectAsync(bad, County));
        Assert.Equal(["kind", "budget", "fixes[0]"], RpcAssert.InvalidFields(error));
        bad = Project(TestRegions.Village);
        bad.Name = " ";
        bad.VillageCode = TestRegions.County;
        Assert.Equal(["name", "village_code"], RpcAssert.InvalidFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Water.CreateWaterProjectAsync(bad, County))));

        await RpcAssert.FailsAsync(StatusCode.NotFound, Water.CreateWaterProjectAsync(Project(TestRegions.OtherCountyVillage), County));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Water.CreateWaterProjectAsync(Project(TestRegions.OtherVillage), service.VillageOfficer(TestRegions.Village)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Water.CreateWaterProjectAsync(Project(TestRegions.Village), service.As(PlatformRoles.Auditor, TestRegions.County)));
        var created = await Water.CreateWaterProjectAsync(Project(TestRegions.Village), service.As(PlatformRoles.TownshipOfficer, TestRegions.Township));
        Assert.Equal(12_500_000, created.Project.Budget.Fen);
        var audit = await service.QueryAsync(db => db.AuditRecords.CountAsync(a => a.EntityId == created.Project.ProjectId && a.Action == "water.project.create"));
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task Households_are_added_within_the_callers_sight_once_each_and_another_county_cannot_see_the_project()
    {
        var project = await CreateAsync(name: "Purification unit");
        var here = await service.Household().Head().RegisterAsync();
        var nextVillage = await service.Household(TestRegions.OtherVillage).Head().RegisterAsync();
        var otherCounty = await service.Household(TestRegions.OtherCountyVillage).Head().RegisterAsync();
        var request = new AddProjectHouseholdsRequest { ProjectId = project.ProjectId, HouseholdIds = { here.Id.ToString(), nextVillage.Id.ToString() } };

        await RpcAssert.FailsAsync(StatusCode.NotFound, Water.AddProjectHouseholdsAsync(request, service.VillageOfficer(TestRegions.Village)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Water.AddProjectHouseholdsAsync(
            new AddProjectHouseholdsRequest { ProjectId = project.ProjectId, HouseholdIds = { otherCounty.Id.ToString() } }, County));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Water.AddProjectHouseholdsAsync(
            new AddProjectHouseholdsRequest { ProjectId = project.ProjectId, HouseholdIds = { otherCounty.Id.ToString() } }, service.CountyOfficer(TestRegions.OtherCounty)));
        Assert.Equal(0, (await Water.ListWaterProjectsAsync(new ListWaterProjectsRequest(), County)).Projects.Single(p => p.ProjectId == project.ProjectId).HouseholdsServed);

        var added = await Water.AddProjectHouseholdsAsync(request, County);
        var again = await Water.AddProjectHouseholdsAsync(request, County);

        Assert.Equal((2, 0, 2), (added.HouseholdsAdded, again.HouseholdsAdded, again.Project.HouseholdsServed));
        Assert.Equal("household_ids", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Water.AddProjectHouseholdsAsync(new AddProjectHouseholdsRequest { ProjectId = project.ProjectId }, County))));
        Assert.Equal("household_ids[0]", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Water.AddProjectHouseholdsAsync(new AddProjectHouseholdsRequest { ProjectId = project.ProjectId, HouseholdIds = { "nope" } }, County))));
    }

    [Fact]
    public async Task Projects_are_listed_by_region_and_status_in_pages()
    {
        const string village = "341522100231";
        var planned = await CreateAsync(village, "Tank A");
        var building = await CreateAsync(village, "Tank B");
        await CreateAsync(village, "Tank C");
        await AdvanceAsync(building, WaterProjectStatus.UnderConstruction);

        var firstPage = await Water.ListWaterProjectsAsync(new ListWaterProjectsRequest { RegionCode = village, Page = new() { PageSize = 2 } }, County);
        var secondPage = await Water.ListWaterProjectsAsync(new ListWaterProjectsRequest { RegionCode = village, Page = new() { PageSize = 2, PageToken = firstPage.Page.NextPageToken } }, County);
        var underConstruction = await Water.ListWaterProjectsAsync(new ListWaterProjectsRequest { RegionCode = village, Status = WaterProjectStatus.UnderConstruction }, County);

        Assert.Equal(3, firstPage.Page.TotalSize);
        Assert.Equal(["Tank A", "Tank B", "Tank C"], firstPage.Projects.Concat(secondPage.Projects).Select(p => p.Name));
        Assert.Equal([building.ProjectId], underConstruction.Projects.Select(p => p.ProjectId));
        Assert.DoesNotContain((await Water.ListWaterProjectsAsync(new ListWaterProjectsRequest(), service.VillageOfficer(TestRegions.Village))).Projects, p => p.VillageCode == village);
        Assert.Contains((await Water.ListWaterProjectsAsync(new ListWaterProjectsRequest(), service.VillageOfficer(village))).Projects, p => p.ProjectId == planned.ProjectId);
        await RpcAssert.FailsAsync(StatusCode.NotFound, Water.ListWaterProjectsAsync(new ListWaterProjectsRequest { RegionCode = village }, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Water.AdvanceWaterProjectAsync(
            new AdvanceWaterProjectRequest { ProjectId = planned.ProjectId, Status = WaterProjectStatus.UnderConstruction }, service.CountyOfficer(TestRegions.OtherCounty)));
    }
}
