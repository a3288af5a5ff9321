using Grpc.Core;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>The administrative hierarchy is reference data any authenticated caller reads.</summary>
public sealed class RegionServiceTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    private CallOptions Auditor => registry.As(PlatformRoles.Auditor, Seeded.Weishan);

    [Fact]
    public async Task A_county_is_read_by_code()
    {
        var region = (await registry.Regions.GetRegionAsync(new GetRegionRequest { Code = Seeded.Huoqiu }, Auditor)).Region;

        Assert.Equal((Seeded.Huoqiu, "霍邱县", Pa.Common.V1.RegionLevel.County, "341500000000"), (region.Code, region.Name, region.Level, region.ParentCode));
    }

    [Fact]
    public async Task The_children_of_a_county_are_its_townships_in_pages()
    {
        var first = await registry.Regions.ListRegionsAsync(new ListRegionsRequest { ParentCode = Seeded.Huoqiu, Page = new PageRequest { PageSize = 2 } }, Auditor);
        var second = await registry.Regions.ListRegionsAsync(
            new ListRegionsRequest { ParentCode = Seeded.Huoqiu, Page = new PageRequest { PageSize = 2, PageToken = first.Page.NextPageToken } }, Auditor);

        var townships = first.Regions.Concat(second.Regions).ToList();
        Assert.Equal(new[] { "341522100000", "341522101000", "341522104000" }, townships.Select(r => r.Code));
        Assert.Equal(new[] { "城关镇", "河口镇", "长集镇" }, townships.Select(r => r.Name));
        Assert.All(townships, r => Assert.Equal((Pa.Common.V1.RegionLevel.Township, Seeded.Huoqiu), (r.Level, r.ParentCode)));
        Assert.Equal(3, first.Page.TotalSize);
        Assert.NotEmpty(first.Page.NextPageToken);
        Assert.Empty(second.Page.NextPageToken);
    }

    [Fact]
    public async Task An_empty_parent_lists_the_provinces()
    {
        var response = await registry.Regions.ListRegionsAsync(new ListRegionsRequest(), Auditor);

        Assert.Equal(new[] { ("340000000000", "安徽省"), ("530000000000", "云南省") }, response.Regions.Select(r => (r.Code, r.Name)));
        Assert.All(response.Regions, r => Assert.Equal(Pa.Common.V1.RegionLevel.Province, r.Level));
    }

    [Theory]
    [InlineData("34152200000")]
    [InlineData("341522x00000")]
    [InlineData("000000000000")]
    [InlineData("341522000201")]
    public async Task A_malformed_code_is_invalid(string code)
    {
        var get = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Regions.GetRegionAsync(new GetRegionRequest { Code = code }, Auditor));
        var list = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Regions.ListRegionsAsync(new ListRegionsRequest { ParentCode = code }, Auditor));

        Assert.Equal("code", RpcAssert.InvalidField(get));
        Assert.Equal("parent_code", RpcAssert.InvalidField(list));
    }

    [Fact]
    public async Task An_unknown_code_is_not_found()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Regions.GetRegionAsync(new GetRegionRequest { Code = "341522999000" }, Auditor));
    }
}
