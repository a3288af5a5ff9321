using Grpc.Core;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>
/// Officers see the records of their own region only; a record elsewhere answers NotFound, so its
/// existence is not revealed. Only village, township and county officers file applications.
/// </summary>
public sealed class RegionScopeTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Theory]
    [InlineData(PlatformRoles.CountyOfficer, Seeded.Weishan)]
    [InlineData(PlatformRoles.TownshipOfficer, Seeded.Chengguan)]
    [InlineData(PlatformRoles.VillageOfficer, Seeded.ChangjiVillage)]
    [InlineData(PlatformRoles.ProvincialOfficer, "530000000000")]
    public async Task An_officer_outside_the_households_region_gets_not_found(string role, string region)
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));

        await RpcAssert.FailsAsync(StatusCode.NotFound,
            registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, registry.As(role, region)));
    }

    [Theory]
    [InlineData(PlatformRoles.ProvincialOfficer, Seeded.Anhui)]
    [InlineData(PlatformRoles.CityOfficer, "341500000000")]
    [InlineData(PlatformRoles.CountyOfficer, Seeded.Huoqiu)]
    [InlineData(PlatformRoles.TownshipOfficer, Seeded.Changji)]
    [InlineData(PlatformRoles.VillageOfficer, Seeded.Qilipeng)]
    public async Task An_officer_whose_region_covers_the_household_reads_and_lists_it(string role, string region)
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));

        var read = await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, registry.As(role, region));
        var list = await registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), registry.As(role, region));

        Assert.Equal(household.HouseholdId, read.Household.HouseholdId);
        Assert.Contains(list.Households, h => h.HouseholdId == household.HouseholdId);
    }

    [Theory]
    [InlineData(PlatformRoles.CountyOfficer, Seeded.Weishan, Seeded.Huoqiu)]
    [InlineData(PlatformRoles.TownshipOfficer, Seeded.Chengguan, Seeded.Qilipeng)]
    [InlineData(PlatformRoles.VillageOfficer, Seeded.Qilipeng, Seeded.Changji)]
    public async Task Listing_a_region_outside_ones_own_gets_not_found(string role, string region, string listed)
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = listed }, registry.As(role, region)));
    }

    [Theory]
    [InlineData(PlatformRoles.Auditor, Seeded.Huoqiu)]
    [InlineData(PlatformRoles.Operator, Seeded.Anhui)]
    [InlineData(PlatformRoles.DepartmentClient, Seeded.Huoqiu)]
    [InlineData(PlatformRoles.CityOfficer, "341500000000")]
    [InlineData(PlatformRoles.ProvincialOfficer, Seeded.Anhui)]
    [InlineData(PlatformRoles.VillageOfficer, Seeded.Donghu)]
    [InlineData(PlatformRoles.TownshipOfficer, Seeded.Chengguan)]
    [InlineData(PlatformRoles.CountyOfficer, Seeded.Weishan)]
    public async Task A_caller_who_may_not_file_in_the_village_is_denied_and_nothing_is_written(string role, string region)
    {
        var rows = await registry.CountRowsAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            registry.Households.CreateHouseholdApplicationAsync(Applications.Household(Seeded.Qilipeng), registry.As(role, region)));

        Assert.Equal(rows, await registry.CountRowsAsync());
    }

    [Theory]
    [InlineData(PlatformRoles.VillageOfficer, Seeded.Qilipeng)]
    [InlineData(PlatformRoles.TownshipOfficer, Seeded.Changji)]
    [InlineData(PlatformRoles.CountyOfficer, Seeded.Huoqiu)]
    public async Task Village_township_and_county_officers_file_in_their_own_region(string role, string region)
    {
        var response = await registry.Households.CreateHouseholdApplicationAsync(Applications.Household(Seeded.Qilipeng), registry.As(role, region));

        Assert.Equal(Seeded.Qilipeng, response.Household.RegionCode);
    }
}
