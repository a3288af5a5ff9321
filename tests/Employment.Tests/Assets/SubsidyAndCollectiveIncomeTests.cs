using Grpc.Core;
using Pa.Employment.V1;
using Platform.Security;

namespace Platform.Employment.Tests.Assets;

public sealed class SubsidyAndCollectiveIncomeTests(EmploymentFactory service) : IClassFixture<EmploymentFactory>
{
    private readonly AssetIncomeService.AssetIncomeServiceClient _client = service.Client<AssetIncomeService.AssetIncomeServiceClient>();

    private static GrantIndustrySubsidyRequest Subsidy(TestHousehold household, string item, int units) =>
        new() { HouseholdId = household.Id.ToString(), Year = 2026, Item = item, Units = units };

    private static RecordCollectiveIncomeRequest Income(string village, int year, long fen, params (string Name, long Fen)[] sources)
    {
        var request = new RecordCollectiveIncomeRequest { VillageCode = village, Year = year, Amount = new() { Fen = fen } };
        request.Sources.AddRange(sources.Select(s => new CollectiveIncomeSource { Name = s.Name, Amount = new() { Fen = s.Fen } }));
        return request;
    }

    [Fact]
    public async Task Huoqiu_household_raising_100_chickens_gets_1500_yuan()
    {
        var household = await service.Household().Head().Spouse().Child().RegisterAsync();
        var response = await _client.GrantIndustrySubsidyAsync(Subsidy(household, "Chicken", 100), service.VillageOfficer(TestRegions.Village));
        Assert.Equal(150_000, response.Subsidy.Amount.Fen);
        Assert.Equal(1_500, response.Subsidy.RatePerUnit.Fen);
        Assert.Equal("chicken", response.Subsidy.Item);
    }

    [Fact]
    public async Task Subsidies_for_unknown_items_or_without_units_are_refused()
    {
        var household = await service.Household().RegisterAsync();
        var officer = service.VillageOfficer(TestRegions.Village);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, _client.GrantIndustrySubsidyAsync(Subsidy(household, "unicorn", 1), officer));
        var units = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.GrantIndustrySubsidyAsync(Subsidy(household, "chicken", 0), officer));
        Assert.Equal("units", RpcAssert.InvalidField(units));
        var negative = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.GrantIndustrySubsidyAsync(Subsidy(household, "chicken", -5), officer));
        Assert.Equal("units", RpcAssert.InvalidField(negative));
        var item = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.GrantIndustrySubsidyAsync(Subsidy(household, " ", 5), officer));
        Assert.Equal("item", RpcAssert.InvalidField(item));
    }

    [Fact]
    public async Task Subsidies_are_granted_by_officers_within_their_region()
    {
        var household = await service.Household().RegisterAsync();
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, _client.GrantIndustrySubsidyAsync(Subsidy(household, "chicken", 1), service.As(PlatformRoles.Auditor, TestRegions.County)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, _client.GrantIndustrySubsidyAsync(Subsidy(household, "chicken", 1), service.VillageOfficer(TestRegions.OtherVillage)));
    }

    [Fact]
    public async Task Collective_income_is_recorded_replaced_and_compared_with_the_standard()
    {
        const string village = "341522100311";
        var officer = service.VillageOfficer(village);
        var below = await _client.RecordCollectiveIncomeAsync(Income(village, 2025, 17_999_999, ("photovoltaic station", 9_999_999), ("land rent", 8_000_000)), officer);
        Assert.True(below.BelowStandard);
        Assert.Equal(18_000_000, below.Standard.Fen);
        Assert.Equal(2, below.Income.Sources.Count);

        var exactly = await _client.RecordCollectiveIncomeAsync(Income(village, 2025, 18_000_000), officer);
        Assert.False(exactly.BelowStandard);
        Assert.Empty(exactly.Income.Sources);
    }

    [Fact]
    public async Task Invalid_collective_income_is_refused_with_its_fields()
    {
        var officer = service.CountyOfficer(TestRegions.County);
        var sum = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.RecordCollectiveIncomeAsync(Income(TestRegions.Village, 2025, 100, ("rent", 99)), officer));
        Assert.Equal("sources", RpcAssert.InvalidField(sum));
        var code = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.RecordCollectiveIncomeAsync(Income(TestRegions.Township, 2025, 100), officer));
        Assert.Equal("village_code", RpcAssert.InvalidField(code));
        var amount = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.RecordCollectiveIncomeAsync(Income(TestRegions.Village, 2025, -1), officer));
        Assert.Equal("amount", RpcAssert.InvalidField(amount));
        var year = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.RecordCollectiveIncomeAsync(Income(TestRegions.Village, 1999, 1), officer));
        Assert.Equal("year", RpcAssert.InvalidField(year));
    }

    [Fact]
    public async Task Collective_income_is_recorded_by_officers_within_their_region()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, _client.RecordCollectiveIncomeAsync(Income(TestRegions.OtherCountyVillage, 2025, 1), service.CountyOfficer(TestRegions.County)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, _client.RecordCollectiveIncomeAsync(Income(TestRegions.Village, 2025, 1), service.HumanResources()));
    }

    [Fact]
    public async Task Villages_below_the_standard_include_unreported_ones_but_not_those_exactly_at_it()
    {
        const string atStandard = "341522100321";
        const string justBelow = "341522100322";
        const string unreported = "341522100323";
        const string above = "341522100324";
        var county = service.CountyOfficer(TestRegions.County);
        await _client.RecordCollectiveIncomeAsync(Income(atStandard, 2023, 18_000_000), county);
        await _client.RecordCollectiveIncomeAsync(Income(justBelow, 2023, 17_999_999), county);
        await _client.RecordCollectiveIncomeAsync(Income(above, 2023, 30_000_000), county);
        await service.Household(unreported).RegisterAsync();

        var listed = new List<VillageBelowStandard>();
        var token = "";
        do
        {
            var page = await _client.ListVillagesBelowStandardAsync(new ListVillagesBelowStandardRequest { RegionCode = TestRegions.Township, Year = 2023, Page = new() { PageSize = 2, PageToken = token } }, county);
            Assert.Equal(18_000_000, page.Standard.Fen);
            listed.AddRange(page.Villages);
            token = page.Page.NextPageToken;
        }
        while (token != "");

        var codes = listed.Select(v => v.VillageCode).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.DoesNotContain(atStandard, codes);
        Assert.DoesNotContain(above, codes);
        var below = Assert.Single(listed, v => v.VillageCode == justBelow);
        Assert.True(below.Recorded);
        Assert.Equal(1, below.Shortfall.Fen);
        var missing = Assert.Single(listed, v => v.VillageCode == unreported);
        Assert.False(missing.Recorded);
        Assert.Equal(18_000_000, missing.Shortfall.Fen);
    }

    [Fact]
    public async Task Another_countys_villages_cannot_be_listed()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, _client.ListVillagesBelowStandardAsync(new ListVillagesBelowStandardRequest { RegionCode = TestRegions.OtherCounty, Year = 2025 }, service.CountyOfficer(TestRegions.County)));
        var year = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.ListVillagesBelowStandardAsync(new ListVillagesBelowStandardRequest { Year = 0 }, service.CountyOfficer(TestRegions.County)));
        Assert.Equal("year", RpcAssert.InvalidField(year));
    }
}
