using Pa.Common.V1;
using Platform.ServiceDefaults;

namespace Platform.BuildingBlocks.Tests;

public sealed class PagingTests
{
    private static PageSpec Read(PageRequest? request, out FieldViolations violations)
    {
        violations = new FieldViolations();
        return Paging.Read(request, violations, "page");
    }

    [Fact]
    public void Missing_or_zero_size_defaults_to_50()
    {
        Assert.Equal(new PageSpec(50, null), Read(null, out var v1));
        Assert.Equal(new PageSpec(50, null), Read(new PageRequest(), out var v2));
        Assert.False(v1.Any);
        Assert.False(v2.Any);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(500, 500)]
    [InlineData(501, 500)]
    [InlineData(int.MaxValue, 500)]
    public void Size_is_capped_at_500(int requested, int expected)
    {
        Assert.Equal(expected, Read(new PageRequest { PageSize = requested }, out var violations).Size);
        Assert.False(violations.Any);
    }

    [Fact]
    public void Negative_size_is_a_violation()
    {
        Read(new PageRequest { PageSize = -1 }, out var violations);

        Assert.Equal("page.page_size", Assert.Single(violations.Items).Field);
    }

    [Theory]
    [InlineData("hh-000123")]
    [InlineData("341522100201|2025-06-01|户主")]
    public void Token_round_trips(string key)
    {
        var token = Paging.Token(key);

        var spec = Read(new PageRequest { PageToken = token }, out var violations);

        Assert.False(violations.Any);
        Assert.Equal(key, spec.After);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.DoesNotContain('=', token);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("!!!!")]
    [InlineData("not a token")]
    public void Garbage_token_is_a_violation(string token)
    {
        var spec = Read(new PageRequest { PageToken = token }, out var violations);

        Assert.Equal("page.page_token", Assert.Single(violations.Items).Field);
        Assert.Null(spec.After);
    }

    [Fact]
    public void Response_has_next_token_only_when_an_extra_row_came_back()
    {
        string[] full = ["a", "b", "c", "d"];

        var more = Paging.Response(full, 3, 10, k => k);
        var last = Paging.Response(full[..3], 3, 10, k => k);
        var shorter = Paging.Response(full[..1], 3, 10, k => k);

        Assert.Equal(Paging.Token("c"), more.NextPageToken);
        Assert.Equal(10, more.TotalSize);
        Assert.Equal("", last.NextPageToken);
        Assert.Equal("", shorter.NextPageToken);
    }
}
