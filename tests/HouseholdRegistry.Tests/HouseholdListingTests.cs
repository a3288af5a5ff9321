using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>Five Huoqiu households over three townships and one Weishan household, filed oldest first.</summary>
public sealed class ListingFixture : IAsyncLifetime
{
    public RegistryFactory Registry { get; } = new();

    /// <summary>The Huoqiu households in the order they were filed.</summary>
    public List<Household> Huoqiu { get; } = [];

    public Household Weishan { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (string Village, PovertyCause Cause)[] filings =
        [
            (Seeded.Donghu, PovertyCause.Illness),
            (Seeded.Qilipeng, PovertyCause.Disability),
            (Seeded.Qilipeng, PovertyCause.Illness),
            (Seeded.ChangjiVillage, PovertyCause.Schooling),
            (Seeded.Hekou, PovertyCause.Illness),
        ];
        foreach (var (village, cause) in filings)
        {
            Huoqiu.Add(await Registry.ApplyAsync(Applications.Household(village, cause)));
        }

        Weishan = await Registry.ApplyAsync(Applications.Household(Seeded.Xincun));
    }

    public async Task DisposeAsync() => await Registry.DisposeAsync();
}

public sealed class HouseholdListingTests(ListingFixture data) : IClassFixture<ListingFixture>
{
    [Theory]
    [InlineData(Seeded.Huoqiu, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(Seeded.Changji, new[] { 1, 2, 3 })]
    [InlineData(Seeded.Qilipeng, new[] { 1, 2 })]
    [InlineData(Seeded.Hekou, new[] { 4 })]
    [InlineData("", new[] { 0, 1, 2, 3, 4 })]
    public async Task A_county_officer_lists_the_households_under_a_region_newest_first(string region, int[] filed)
    {
        var response = await ListAsync(new ListHouseholdsRequest { RegionCode = region });

        Assert.Equal(Expected(filed), Ids(response));
        Assert.Equal(filed.Length, response.Page.TotalSize);
        Assert.Empty(response.Page.NextPageToken);
    }

    [Fact]
    public async Task Each_county_sees_only_its_own_households()
    {
        var weishan = await data.Registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), data.Registry.CountyOfficer(Seeded.Weishan));

        Assert.Equal(data.Weishan.HouseholdId, Assert.Single(Ids(weishan)));
    }

    [Fact]
    public async Task Status_filters_the_list()
    {
        var applied = await ListAsync(new ListHouseholdsRequest { Status = HouseholdStatus.Applied });
        var registered = await ListAsync(new ListHouseholdsRequest { Status = HouseholdStatus.Registered });

        Assert.Equal(Expected([0, 1, 2, 3, 4]), Ids(applied));
        Assert.Empty(registered.Households);
        Assert.Equal(0, registered.Page.TotalSize);
    }

    [Fact]
    public async Task Primary_cause_filters_the_list()
    {
        var illness = await ListAsync(new ListHouseholdsRequest { PrimaryCause = PovertyCause.Illness });
        var schooling = await ListAsync(new ListHouseholdsRequest { RegionCode = Seeded.Changji, PrimaryCause = PovertyCause.Schooling });

        Assert.Equal(Expected([0, 2, 4]), Ids(illness));
        Assert.Equal(3, illness.Page.TotalSize);
        Assert.Equal(Expected([3]), Ids(schooling));
    }

    [Fact]
    public async Task Pages_of_two_return_every_household_once_newest_first()
    {
        var seen = new List<string>();
        var tokens = new List<string>();
        var token = "";
        do
        {
            var page = await ListAsync(new ListHouseholdsRequest { Page = new PageRequest { PageSize = 2, PageToken = token } });
            Assert.Equal(5, page.Page.TotalSize);
            Assert.InRange(page.Households.Count, 1, 2);
            seen.AddRange(Ids(page));
            token = page.Page.NextPageToken;
            tokens.Add(token);
        }
        while (token.Length > 0 && tokens.Count < 10);

        Assert.Equal(Expected([0, 1, 2, 3, 4]), seen);
        Assert.Equal(3, tokens.Count);
        Assert.All(tokens.Take(2), t => Assert.NotEmpty(t));
    }

    [Fact]
    public async Task A_page_token_that_the_service_did_not_issue_is_invalid()
    {
        var error = await RpcAssert.FailsAsync(Grpc.Core.StatusCode.InvalidArgument, data.Registry.Households.ListHouseholdsAsync(
            new ListHouseholdsRequest { Page = new PageRequest { PageToken = "bm90LWEtbnVtYmVy" } }, data.Registry.CountyOfficer(Seeded.Huoqiu)));

        Assert.Equal("page.page_token", RpcAssert.InvalidField(error));
    }

    private Task<ListHouseholdsResponse> ListAsync(ListHouseholdsRequest request) =>
        data.Registry.Households.ListHouseholdsAsync(request, data.Registry.CountyOfficer(Seeded.Huoqiu)).ResponseAsync;

    /// <summary>The ids of the given filings, newest first.</summary>
    private List<string> Expected(int[] filed) => Enumerable.Reverse(filed).Select(i => data.Huoqiu[i].HouseholdId).ToList();

    private static List<string> Ids(ListHouseholdsResponse response) => response.Households.Select(h => h.HouseholdId).ToList();
}
