using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Pa.Common.V1;
using Platform.ServiceDefaults;

namespace Platform.BuildingBlocks.Tests;

public sealed class PagingTests
{
    private const string List = "/pa.test.v1.TestService/ListThings";

    private static PageSpec Read(PageRequest? request, out FieldViolations violations, string list = List)
    {
        violations = new FieldViolations();
        return Paging.Read(request, violations, "page", list);
    }

    [Fact]
    public void Missing_or_zero_size_defaults_to_50()
    {
        Assert.Equal(new PageSpec(50, null, List), Read(null, out var v1));
        Assert.Equal(new PageSpec(50, null, List), Read(new PageRequest(), out var v2));
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
    [InlineData("")]
    [InlineData("341522100201|2025-06-01|户主")]
    public void Token_round_trips(string key)
    {
        var token = Paging.Token(List, key);

        var spec = Read(new PageRequest { PageToken = token }, out var violations);

        Assert.False(violations.Any);
        Assert.Equal(key, spec.After);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.DoesNotContain('=', token);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("zzz")]
    [InlineData("!!!!")]
    [InlineData("not a token")]
    [InlineData("aGgtMDAwMTIz")] // base64url of "hh-000123": the old, unchecked token form
    public void Garbage_token_is_a_violation(string token)
    {
        var spec = Read(new PageRequest { PageToken = token }, out var violations);

        Assert.Equal("page.page_token", Assert.Single(violations.Items).Field);
        Assert.Null(spec.After);
    }

    [Fact]
    public void Random_bytes_are_not_a_token()
    {
        for (var i = 1; i < 200; i++)
        {
            Read(new PageRequest { PageToken = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(1 + (i % 40))) }, out var violations);

            Assert.Equal("page.page_token", Assert.Single(violations.Items).Field);
        }
    }

    [Fact]
    public void A_token_of_another_list_is_a_violation()
    {
        var token = Paging.Token("/pa.test.v1.TestService/ListOtherThings", "hh-000123");

        var spec = Read(new PageRequest { PageToken = token }, out var violations);

        Assert.Equal("page.page_token", Assert.Single(violations.Items).Field);
        Assert.Null(spec.After);
    }

    [Fact]
    public void A_token_with_a_changed_key_is_a_violation()
    {
        var bytes = WebEncoders.Base64UrlDecode(Paging.Token(List, "hh-000123"));
        bytes[^1] ^= 1;

        Read(new PageRequest { PageToken = WebEncoders.Base64UrlEncode(bytes) }, out var violations);

        Assert.Equal("page.page_token", Assert.Single(violations.Items).Field);
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("12")]
    public void A_list_keyed_by_id_or_sequence_refuses_another_key(string key)
    {
        var page = Read(new PageRequest { PageToken = Paging.Token(List, key) }, out var violations);

        Assert.Null(Paging.AfterId(page, violations, "page"));
        Assert.Equal("page.page_token", Assert.Single(violations.Items).Field);
        Assert.Equal(key == "12" ? 12 : null, Paging.AfterSeq(page, new FieldViolations(), "page"));
    }

    [Fact]
    public void Response_has_next_token_only_when_an_extra_row_came_back()
    {
        string[] full = ["a", "b", "c", "d"];
        var page = new PageSpec(3, null, List);

        var more = Paging.Response(full, page, 10, k => k);
        var last = Paging.Response(full[..3], page, 10, k => k);
        var shorter = Paging.Response(full[..1], page, 10, k => k);

        Assert.Equal(Paging.Token(List, "c"), more.NextPageToken);
        Assert.Equal("c", Read(new PageRequest { PageToken = more.NextPageToken }, out _).After);
        Assert.Equal(10, more.TotalSize);
        Assert.Equal("", last.NextPageToken);
        Assert.Equal("", shorter.NextPageToken);
    }
}
