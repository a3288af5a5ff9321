using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Employment.V1;
using Platform.Security;

namespace Platform.Employment.Tests.Projects;

/// <summary>Benefit linkage (利益联结) and the projects to follow up (重争取、轻实施、缺管理) over gRPC.</summary>
public sealed class ProjectBenefitTests(EmploymentFactory service) : IClassFixture<EmploymentFactory>
{
    private readonly ProjectDriver _projects = new(service);

    private ProjectLibraryService.ProjectLibraryServiceClient Client => _projects.Client;

    private static LinkHouseholdRequest Link(IndustryProject project, Guid household, BenefitKind kind, long fen) =>
        new() { ProjectId = project.ProjectId, HouseholdId = household.ToString(), Kind = kind, AmountPerYear = new Money { Fen = fen } };

    [Fact]
    public async Task A_household_of_the_county_is_linked_and_listed_per_project_and_per_household()
    {
        var project = await _projects.ImplementingAsync();
        var household = await service.Household(TestRegions.OtherVillage).Head("None").RegisterAsync();
        var county = service.CountyOfficer(TestRegions.County);

        var link = (await Client.LinkHouseholdAsync(Link(project, household.Id, BenefitKind.Dividend, 50_000), county)).Link;
        Assert.Equal((BenefitKind.Dividend, 50_000L, TestRegions.OtherVillage), (link.Kind, link.AmountPerYear.Fen, link.HouseholdRegionCode));
        await Client.LinkHouseholdAsync(Link(project, household.Id, BenefitKind.Dividend, 60_000), county);
        await Client.LinkHouseholdAsync(Link(project, household.Id, BenefitKind.LandRent, 7_200), county);

        var perProject = await Client.ListProjectLinksAsync(new ListProjectLinksRequest { ProjectId = project.ProjectId }, county);
        Assert.Equal(2, perProject.Page.TotalSize);
        Assert.Equal([(BenefitKind.LandRent, 7_200L), (BenefitKind.Dividend, 60_000L)],
            perProject.Links.Select(l => (l.Kind, l.AmountPerYear.Fen)).OrderBy(l => l.Kind));
        var perHousehold = await Client.ListHouseholdLinksAsync(new ListHouseholdLinksRequest { HouseholdId = household.Id.ToString() }, service.VillageOfficer(TestRegions.OtherVillage));
        Assert.All(perHousehold.Links, l => Assert.Equal(("Chicken raising", project.ProjectId), (l.ProjectName, l.ProjectId)));
        Assert.Equal(2, perHousehold.Links.Count);
        Assert.Equal(1, (await Client.GetProjectAsync(new GetProjectRequest { ProjectId = project.ProjectId }, county)).Project.LinkedHouseholds);

        var audited = await service.QueryAsync(db => db.Set<Platform.Persistence.AuditRecord>()
            .Where(a => a.EntityId == household.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("projects.link-household", audited);
        Assert.Contains("projects.household-links.read", audited);
    }

    [Fact]
    public async Task A_village_officer_sees_only_the_links_of_households_in_their_village()
    {
        var project = await _projects.ImplementingAsync();
        var own = await service.Household(TestRegions.Village).Head().RegisterAsync();
        var other = await service.Household(TestRegions.OtherVillage).Head().RegisterAsync();
        var county = service.CountyOfficer(TestRegions.County);
        await Client.LinkHouseholdAsync(Link(project, own.Id, BenefitKind.Wage, 1_000), county);
        await Client.LinkHouseholdAsync(Link(project, other.Id, BenefitKind.Wage, 1_000), county);

        var seen = await Client.ListProjectLinksAsync(new ListProjectLinksRequest { ProjectId = project.ProjectId }, service.VillageOfficer(TestRegions.Village));

        Assert.Equal([own.Id.ToString()], seen.Links.Select(l => l.HouseholdId));
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            Client.LinkHouseholdAsync(Link(project, other.Id, BenefitKind.Wage, 1_000), service.VillageOfficer(TestRegions.Village)));
    }

    [Fact]
    public async Task Links_outside_the_county_or_to_closed_projects_or_with_bad_fields_are_refused()
    {
        var project = await _projects.ImplementingAsync();
        var elsewhere = await service.Household(TestRegions.OtherCountyVillage).Head().RegisterAsync();
        var village = service.VillageOfficer(TestRegions.Village);

        // Another county's household is not revealed: NotFound, not "outside the county".
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.LinkHouseholdAsync(Link(project, elsewhere.Id, BenefitKind.Wage, 1), service.CountyOfficer(TestRegions.County)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.LinkHouseholdAsync(Link(project, elsewhere.Id, BenefitKind.Wage, 1), village));
        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Client.LinkHouseholdAsync(new LinkHouseholdRequest { ProjectId = project.ProjectId, HouseholdId = "x" }, village));
        Assert.Equal(["household_id", "kind", "amount_per_year"], RpcAssert.InvalidFields(invalid));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            Client.LinkHouseholdAsync(Link(project, elsewhere.Id, BenefitKind.Wage, 1), service.As(PlatformRoles.Auditor, TestRegions.County)));

        var rejected = await _projects.ProposeAsync();
        await Client.RejectProjectAsync(new RejectProjectRequest { ProjectId = rejected.ProjectId, Reason = "Duplicate" }, service.CountyOfficer(TestRegions.County));
        var household = await service.Household(TestRegions.Village).Head().RegisterAsync();
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Client.LinkHouseholdAsync(Link(rejected, household.Id, BenefitKind.Wage, 1), village));
    }

    [Fact]
    public async Task Concerns_list_built_projects_without_households_and_stopped_projects_with_the_reason()
    {
        const string village = "341522300401";
        var officer = service.VillageOfficer(village);
        var unlinkedCompleted = await _projects.CompletedAsync(village);
        var unlinkedOperating = await _projects.OperatingAsync(village);
        var linkedOperating = await _projects.OperatingAsync(village);
        var stopped = await _projects.OperatingAsync(village);
        await _projects.ImplementingAsync(village: village);
        var household = await service.Household(village).Head().RegisterAsync();
        await Client.LinkHouseholdAsync(Link(linkedOperating, household.Id, BenefitKind.PurchaseOrder, 30_000), officer);
        await Client.LinkHouseholdAsync(Link(stopped, household.Id, BenefitKind.Wage, 30_000), officer);
        await Client.StopOperationAsync(new StopOperationRequest { ProjectId = stopped.ProjectId, Reason = "Buyer went bankrupt" }, officer);

        var concerns = await Client.ListProjectConcernsAsync(new ListProjectConcernsRequest { RegionCode = village }, service.As(PlatformRoles.Auditor, TestRegions.County));

        Assert.Equal(
            [
                (unlinkedCompleted.ProjectId, "completed but linked to no household"),
                (unlinkedOperating.ProjectId, "operating but linked to no household"),
                (stopped.ProjectId, "stopped operating: Buyer went bankrupt"),
            ],
            concerns.Concerns.Select(c => (c.ProjectId, c.Reason)));
        Assert.Equal(3, concerns.Page.TotalSize);
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            Client.ListProjectConcernsAsync(new ListProjectConcernsRequest { RegionCode = village }, service.CountyOfficer(TestRegions.OtherCounty)));
    }
}
