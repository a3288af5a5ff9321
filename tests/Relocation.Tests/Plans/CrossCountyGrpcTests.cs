using Grpc.Core;
using Pa.Relocation.V1;
using Platform.Relocation.Tests.Sites;
using Platform.Security;
using static Platform.Relocation.Tests.Plans.PlanCalls;

namespace Platform.Relocation.Tests.Plans;

/// <summary>
/// A household of one county moved to a site in the next: the province plans it, the destination
/// records the move-in, the origin reads it and records the old homestead's reclamation.
/// </summary>
public sealed class CrossCountyGrpcTests(RelocationFactory service) : IClassFixture<RelocationFactory>
{
    private RelocationService.RelocationServiceClient Relocations => service.Relocations();

    [Fact]
    public async Task Origin_and_destination_each_do_their_part_of_a_move_across_counties()
    {
        var household = await service.Household(TestRegions.Village).Head().Spouse().RegisterAsync();
        var site = await service.CreateSiteAsync(TestRegions.OtherCountyTownship, 10, 40, ("9-101", 5000));
        var origin = service.CountyOfficer(TestRegions.County);
        var destination = service.CountyOfficer(TestRegions.OtherCounty);
        var thirdCounty = service.CountyOfficer("341524000000");

        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.PlanRelocationAsync(Plan(household, site, "9-101"), origin));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.PlanRelocationAsync(Plan(household, site, "9-101"), destination));
        var planned = await Relocations.PlanRelocationAsync(Plan(household, site, "9-101"), service.As(PlatformRoles.ProvincialOfficer, TestRegions.Province));
        Assert.Equal((TestRegions.Village, TestRegions.OtherCountyTownship), (planned.Relocation.OriginRegionCode, planned.Relocation.SiteRegionCode));

        Assert.Equal(RelocationStage.Planned, (await Relocations.GetRelocationAsync(Get(household), origin)).Relocation.Stage);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Relocations.RecordMoveInAsync(MoveIn(household, service.Today), origin));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.GetRelocationAsync(Get(household), thirdCounty));
        await Relocations.RecordMoveInAsync(MoveIn(household, service.Today), destination);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Relocations.RecordHomesteadReclaimedAsync(Reclaimed(household, service.Today), destination));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.RecordHomesteadReclaimedAsync(Reclaimed(household, service.Today), thirdCounty));
        var reclaimed = await Relocations.RecordHomesteadReclaimedAsync(Reclaimed(household, service.Today), origin);
        Assert.Equal(RelocationStage.HomesteadReclaimed, reclaimed.Relocation.Stage);

        async Task<IEnumerable<string>> ListedAsync(RelocationSide side, CallOptions caller) =>
            (await Relocations.ListRelocationsAsync(new ListRelocationsRequest { Side = side, Page = new() { PageSize = 500 } }, caller)).Relocations.Select(r => r.HouseholdId);
        Assert.Contains(household.Id.ToString(), await ListedAsync(RelocationSide.Origin, origin));
        Assert.DoesNotContain(household.Id.ToString(), await ListedAsync(RelocationSide.Destination, origin));
        Assert.Contains(household.Id.ToString(), await ListedAsync(RelocationSide.Destination, destination));
        Assert.Contains(household.Id.ToString(), await ListedAsync(RelocationSide.Unspecified, destination));
        Assert.DoesNotContain(household.Id.ToString(), await ListedAsync(RelocationSide.Origin, destination));
    }
}
