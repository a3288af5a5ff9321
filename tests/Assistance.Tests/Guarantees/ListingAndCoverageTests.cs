using Grpc.Core;
using Pa.Assistance.V1;
using Pa.Common.V1;
using Platform.Security;

namespace Platform.Assistance.Tests.Guarantees;

/// <summary>Guarantee lists and coverage per region: scoped to the caller's region, paged, grouped by child region.</summary>
public sealed class ListingAndCoverageTests(ListingAndCoverageTests.Seeded seeded) : IClassFixture<ListingAndCoverageTests.Seeded>
{
    private readonly AssistanceFactory service = seeded.Service;

    private GuaranteeService.GuaranteeServiceClient Guarantees => service.Client<GuaranteeService.GuaranteeServiceClient>();

    /// <summary>Two households in one village (one declared secure), one in the next village, one in the next county.</summary>
    public sealed class Seeded : IAsyncLifetime
    {
        public AssistanceFactory Service { get; } = new();

        public TestHousehold Secure { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Secure = await Service.Household(TestRegions.Village).Head().RegisterAsync();
            await Service.Household(TestRegions.Village).Head().RegisterAsync();
            await Service.Household(TestRegions.OtherVillage).Head().RegisterAsync();
            await Service.Household(TestRegions.OtherCountyVillage).Head().RegisterAsync();
            await Service.Client<GuaranteeService.GuaranteeServiceClient>().DeclareFoodAndClothingAsync(
                new DeclareFoodAndClothingRequest { HouseholdId = Secure.Id.ToString(), Secure = true }, Service.VillageOfficer(TestRegions.Village));
        }

        public async Task DisposeAsync() => await Service.DisposeAsync();
    }

    [Fact]
    public async Task A_county_lists_its_own_households_in_pages_and_never_the_next_county()
    {
        var first = await Guarantees.ListHouseholdGuaranteesAsync(
            new ListHouseholdGuaranteesRequest { RegionCode = TestRegions.County, Page = new PageRequest { PageSize = 2 } }, service.CountyOfficer(TestRegions.County));
        Assert.Equal(3, first.Page.TotalSize);
        Assert.Equal(2, first.Households.Count);
        Assert.NotEmpty(first.Page.NextPageToken);

        var second = await Guarantees.ListHouseholdGuaranteesAsync(
            new ListHouseholdGuaranteesRequest { RegionCode = TestRegions.County, Page = new PageRequest { PageSize = 2, PageToken = first.Page.NextPageToken } }, service.CountyOfficer(TestRegions.County));
        Assert.Single(second.Households);
        Assert.Empty(second.Page.NextPageToken);
        Assert.All(first.Households.Concat(second.Households), h => Assert.StartsWith("341522", h.RegionCode));
        Assert.Equal(3, first.Households.Concat(second.Households).Select(h => h.HouseholdId).Distinct().Count());

        await RpcAssert.FailsAsync(StatusCode.NotFound, Guarantees.ListHouseholdGuaranteesAsync(
            new ListHouseholdGuaranteesRequest { RegionCode = TestRegions.County }, service.CountyOfficer(TestRegions.OtherCounty)));
    }

    [Fact]
    public async Task Bad_region_codes_and_page_tokens_are_invalid_arguments_naming_the_field()
    {
        var badRegion = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Guarantees.ListHouseholdGuaranteesAsync(
            new ListHouseholdGuaranteesRequest { RegionCode = "3415" }, service.CountyOfficer(TestRegions.County)));
        Assert.Equal("region_code", RpcAssert.InvalidField(badRegion));

        var badToken = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Guarantees.ListHouseholdGuaranteesAsync(
            new ListHouseholdGuaranteesRequest { Page = new PageRequest { PageToken = "not-a-token!" } }, service.CountyOfficer(TestRegions.County)));
        Assert.Equal("page.page_token", RpcAssert.InvalidField(badToken));

        var badYear = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Guarantees.GetRegionCoverageAsync(
            new GetRegionCoverageRequest { Year = 1999 }, service.CountyOfficer(TestRegions.County)));
        Assert.Equal("year", RpcAssert.InvalidField(badYear));

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Guarantees.GetHouseholdGuaranteesAsync(
            new GetHouseholdGuaranteesRequest { HouseholdId = "42" }, service.CountyOfficer(TestRegions.County)));
    }

    [Fact]
    public async Task Coverage_counts_households_per_region_and_per_child_region()
    {
        var county = (await Guarantees.GetRegionCoverageAsync(new GetRegionCoverageRequest(), service.CountyOfficer(TestRegions.County))).Coverage;
        Assert.Equal((TestRegions.County, 3, service.Today.Year), (county.RegionCode, county.Households, county.Year));

        var townships = await Guarantees.ListRegionCoverageAsync(new ListRegionCoverageRequest { RegionCode = TestRegions.County }, service.CountyOfficer(TestRegions.County));
        var township = Assert.Single(townships.Regions);
        Assert.Equal((TestRegions.Township, 3), (township.RegionCode, township.Households));

        var villages = await Guarantees.ListRegionCoverageAsync(
            new ListRegionCoverageRequest { RegionCode = TestRegions.Township, Page = new PageRequest { PageSize = 1 } }, service.As(PlatformRoles.Auditor, TestRegions.County));
        Assert.Equal(2, villages.Page.TotalSize);
        Assert.Equal((TestRegions.Village, 2), (villages.Regions[0].RegionCode, villages.Regions[0].Households));
        var next = await Guarantees.ListRegionCoverageAsync(
            new ListRegionCoverageRequest { RegionCode = TestRegions.Township, Page = new PageRequest { PageSize = 1, PageToken = villages.Page.NextPageToken } }, service.As(PlatformRoles.Auditor, TestRegions.County));
        Assert.Equal((TestRegions.OtherVillage, 1), (next.Regions[0].RegionCode, next.Regions[0].Households));
    }

    [Fact]
    public async Task Only_not_met_leaves_out_nothing_while_other_guarantees_are_unknown()
    {
        var notMet = await Guarantees.ListHouseholdGuaranteesAsync(
            new ListHouseholdGuaranteesRequest { RegionCode = TestRegions.Village, OnlyNotMet = true }, service.VillageOfficer(TestRegions.Village));
        Assert.Equal(2, notMet.Page.TotalSize);
        var secure = notMet.Households.Single(h => h.HouseholdId == seeded.Secure.Id.ToString());
        Assert.Equal(GuaranteeState.Met, secure.FoodAndClothing.State);
        Assert.False(secure.AllMet);
    }

    [Fact]
    public async Task Coverage_counts_the_households_meeting_each_guarantee_per_region()
    {
        var village = (await Guarantees.GetRegionCoverageAsync(new GetRegionCoverageRequest { RegionCode = TestRegions.Village }, service.CountyOfficer(TestRegions.County))).Coverage;
        var townships = await Guarantees.ListRegionCoverageAsync(new ListRegionCoverageRequest { RegionCode = TestRegions.County }, service.CountyOfficer(TestRegions.County));

        // One of the village's two households is declared secure in food and clothing; neither has a child of
        // compulsory-education age, so education is met for both; medical, housing and water are not decided yet.
        Assert.Equal((2, 1, 2, 0, 0, 0, 0), (village.Households, village.HouseholdsFoodAndClothingMet, village.HouseholdsEducationMet,
            village.HouseholdsMedicalMet, village.HouseholdsHousingMet, village.HouseholdsWaterMet, village.HouseholdsAllMet));
        var township = Assert.Single(townships.Regions);
        Assert.Equal((3, 1), (township.Households, township.HouseholdsFoodAndClothingMet));
    }
}
