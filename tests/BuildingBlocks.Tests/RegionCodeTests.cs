using Platform.Security;

namespace Platform.BuildingBlocks.Tests;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("340000000000", RegionLevel.Province, "34")]
    [InlineData("341500000000", RegionLevel.City, "3415")]
    [InlineData("341522000000", RegionLevel.County, "341522")]
    [InlineData("341522100000", RegionLevel.Township, "341522100")]
    [InlineData("341522100201", RegionLevel.Village, "341522100201")]
    public void Parses_level(string text, RegionLevel level, string prefix)
    {
        Assert.True(RegionCode.TryParse(text, out var code));
        Assert.Equal(level, code.Level);
        Assert.Equal(text, code.Value);
        Assert.Equal(prefix, code.SignificantPrefix);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("34152200000")]
    [InlineData("3415220000000")]
    [InlineData("34152200000A")]
    [InlineData(" 34152200000")]
    [InlineData("000000000000")]
    [InlineData("340022000000")]
    [InlineData("341522000201")]
    [InlineData("003400000000")]
    public void Rejects(string? text)
    {
        Assert.False(RegionCode.TryParse(text, out _));
    }

    [Fact]
    public void Parse_throws_format_exception_on_invalid()
    {
        Assert.Throws<FormatException>(() => RegionCode.Parse("340022000000"));
    }

    [Fact]
    public void County_covers_itself_and_its_villages_but_not_another_county()
    {
        var county = RegionCode.Parse("341522000000");

        Assert.True(county.Covers(county));
        Assert.True(county.Covers(RegionCode.Parse("341522100201")));
        Assert.True(county.Covers(RegionCode.Parse("341522100000")));
        Assert.False(county.Covers(RegionCode.Parse("532927000000")));
        Assert.False(county.Covers(RegionCode.Parse("341523000000")));
        Assert.False(county.Covers(RegionCode.Parse("341500000000")));
    }

    [Fact]
    public void Village_does_not_cover_its_township()
    {
        var village = RegionCode.Parse("341522100201");

        Assert.False(village.Covers(RegionCode.Parse("341522100000")));
        Assert.True(RegionCode.Parse("341522100000").Covers(village));
    }

    [Fact]
    public void Parent_chain_goes_up_to_the_province()
    {
        var chain = new List<string>();
        RegionCode? current = RegionCode.Parse("341522100201");
        while (current is { } code)
        {
            chain.Add(code.Value);
            current = code.Parent;
        }

        Assert.Equal(["341522100201", "341522100000", "341522000000", "341500000000", "340000000000"], chain);
    }

    [Fact]
    public void AncestorAt_returns_self_or_ancestor_and_null_below()
    {
        var township = RegionCode.Parse("341522100000");

        Assert.Equal(RegionCode.Parse("341522000000"), township.AncestorAt(RegionLevel.County));
        Assert.Equal(RegionCode.Parse("340000000000"), township.AncestorAt(RegionLevel.Province));
        Assert.Equal(township, township.AncestorAt(RegionLevel.Township));
        Assert.Null(township.AncestorAt(RegionLevel.Village));
    }
}
