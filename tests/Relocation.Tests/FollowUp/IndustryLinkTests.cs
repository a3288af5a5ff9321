using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Relocation.V1;
using Platform.Relocation.Sites;

namespace Platform.Relocation.Tests.FollowUp;

public sealed class IndustryLinkTests(RelocationFactory service) : IClassFixture<RelocationFactory>
{
    private FollowUpService.FollowUpServiceClient Client => service.Client<FollowUpService.FollowUpServiceClient>();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    [Fact]
    public async Task A_moved_in_household_is_linked_once_to_its_sites_industry_and_unlinked()
    {
        var household = await service.Household().Head().RegisterAsync();
        var site = await service.SeedSiteAsync();
        await service.SeedPlanAsync(household, site);
        var request = new LinkIndustryRequest { HouseholdId = household.Id.ToString(), IndustryId = site.Industries[0].Id.ToString() };

        var link = (await Client.LinkIndustryAsync(request, County)).Link;
        Assert.Equal("Garment workshop", link.IndustryName);
        Assert.Equal(site.Id.ToString(), link.SiteId);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, Client.LinkIndustryAsync(request, County));

        var unlink = new UnlinkIndustryRequest { HouseholdId = request.HouseholdId, IndustryId = request.IndustryId };
        await Client.UnlinkIndustryAsync(unlink, County);
        Assert.False(await service.QueryAsync(db => db.Set<IndustryLink>().AnyAsync(l => l.HouseholdId == household.Id)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.UnlinkIndustryAsync(unlink, County));
    }

    [Fact]
    public async Task An_industry_of_another_site_or_a_household_not_moved_in_fails_its_precondition()
    {
        var household = await service.Household().Head().RegisterAsync();
        var planned = await service.Household().Head().RegisterAsync();
        var site = await service.SeedSiteAsync();
        var otherSite = await service.SeedSiteAsync();
        await service.SeedPlanAsync(household, site);
        await service.SeedPlanAsync(planned, site, moveIn: false);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            Client.LinkIndustryAsync(new LinkIndustryRequest { HouseholdId = household.Id.ToString(), IndustryId = otherSite.Industries[0].Id.ToString() }, County));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            Client.LinkIndustryAsync(new LinkIndustryRequest { HouseholdId = planned.Id.ToString(), IndustryId = site.Industries[0].Id.ToString() }, County));
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            Client.LinkIndustryAsync(new LinkIndustryRequest { HouseholdId = household.Id.ToString(), IndustryId = Guid.NewGuid().ToString() }, County));
    }

    [Fact]
    public async Task Links_are_validated_and_managed_by_the_destination_only()
    {
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.LinkIndustryAsync(new LinkIndustryRequest { HouseholdId = "h" }, County));
        Assert.Equal(["household_id", "industry_id"], RpcAssert.InvalidFields(error));
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.UnlinkIndustryAsync(new UnlinkIndustryRequest { IndustryId = Guid.NewGuid().ToString() }, County));
        Assert.Equal("household_id", RpcAssert.InvalidField(error));

        var household = await service.Household().Head().RegisterAsync();
        var site = await service.SeedSiteAsync(TestRegions.OtherCountyTownship);
        await service.SeedPlanAsync(household, site);
        var request = new LinkIndustryRequest { HouseholdId = household.Id.ToString(), IndustryId = site.Industries[0].Id.ToString() };
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.LinkIndustryAsync(request, County));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            Client.UnlinkIndustryAsync(new UnlinkIndustryRequest { HouseholdId = request.HouseholdId, IndustryId = request.IndustryId }, County));

        var local = await service.Household().Head().RegisterAsync();
        await service.SeedPlanAsync(local, await service.SeedSiteAsync());
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            Client.LinkIndustryAsync(new LinkIndustryRequest { HouseholdId = local.Id.ToString(), IndustryId = site.Industries[0].Id.ToString() }, service.CountyOfficer(TestRegions.OtherCounty)));
    }
}
