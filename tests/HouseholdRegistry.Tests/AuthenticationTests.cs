using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>
/// Every call needs a valid platform token, and a refused caller is told why: a gRPC status
/// UNAUTHENTICATED with the reason, not a bare HTTP 401 ("Bad gRPC response").
/// </summary>
public sealed class AuthenticationTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task A_call_without_a_token_is_told_to_send_one()
    {
        var list = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Deadline()));
        var region = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, registry.Regions.GetRegionAsync(new GetRegionRequest { Code = Seeded.Huoqiu }, Deadline()));

        Assert.Equal(AuthenticationRefusal.MissingToken, list.Status.Detail);
        Assert.Equal(AuthenticationRefusal.MissingToken, region.Status.Detail);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_for_its_signature()
    {
        var token = new DevTokenIssuer(new JwtOptions { SigningKey = DevTokenIssuer.NewKey() }).Issue(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "forger");

        await AssertRefusedAsync(token, "signature does not verify");
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_when_it_expired_and_a_current_one_is_not()
    {
        var now = DateTime.UtcNow;
        var expiry = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(-1);
        var expired = Token(issuedAt: expiry.AddHours(-8), expires: expiry);
        var current = Token(issuedAt: now.AddMinutes(-1), expires: now.AddHours(1));

        await AssertRefusedAsync(expired, $"expired at {expiry:yyyy-MM-dd HH:mm:ss} UTC");
        await registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(current));
    }

    [Fact]
    public async Task A_token_not_yet_valid_is_refused_as_such()
    {
        var now = DateTime.UtcNow;

        await AssertRefusedAsync(Token(issuedAt: now.AddHours(1), expires: now.AddHours(9)), "not valid before");
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused_for_its_issuer()
    {
        var now = DateTime.UtcNow;

        await AssertRefusedAsync(Token(now.AddMinutes(-1), now.AddHours(1), issuer: "someone-else"), "issuer");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused_for_its_audience()
    {
        var now = DateTime.UtcNow;

        await AssertRefusedAsync(Token(now.AddMinutes(-1), now.AddHours(1), audience: "another-platform"), "audience");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    public async Task A_malformed_token_is_refused_as_malformed(string token)
    {
        await AssertRefusedAsync(token, "not a well-formed JWT");
    }

    [Fact]
    public async Task Refusals_do_not_echo_the_token_or_the_key()
    {
        var token = new DevTokenIssuer(new JwtOptions { SigningKey = DevTokenIssuer.NewKey() }).Issue(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "forger");

        var error = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(token)));

        Assert.DoesNotContain(token.Split('.')[1], error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(registry.SigningKey, error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("forger", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlatformRoles.CountyOfficer, Seeded.Qilipeng, "A county-officer needs a region code of county level; the token's region is of village level.")]
    [InlineData(PlatformRoles.VillageOfficer, Seeded.Huoqiu, "A village-officer needs a region code of village level; the token's region is of county level.")]
    [InlineData("janitor", Seeded.Huoqiu, "not a platform role")]
    [InlineData(PlatformRoles.CountyOfficer, "not-a-region", "not a 12-digit region code")]
    public async Task A_signed_token_without_a_known_role_and_matching_region_is_refused_with_the_rule(string role, string region, string reason)
    {
        var token = new DevTokenIssuer(new JwtOptions { SigningKey = registry.SigningKey }).Issue(role, region, "stranger");

        await AssertRefusedAsync(token, reason);
    }

    private async Task AssertRefusedAsync(string token, string reason)
    {
        var error = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(token)));

        Assert.Contains(reason, error.Status.Detail, StringComparison.Ordinal);
    }

    private static CallOptions Deadline() => new(deadline: DateTime.UtcNow.AddSeconds(10));

    private static CallOptions Bearer(string token) => new(new Metadata { { "authorization", $"Bearer {token}" } }, DateTime.UtcNow.AddSeconds(10));

    /// <summary>A county officer's token signed with the service's key, valid over the given times only.</summary>
    private string Token(DateTime issuedAt, DateTime expires, string? issuer = null, string? audience = null)
    {
        var options = new JwtOptions { SigningKey = registry.SigningKey };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? options.Issuer,
            Audience = audience ?? options.Audience,
            Claims = new Dictionary<string, object>
            {
                [PlatformClaims.Subject] = "officer",
                [PlatformClaims.Role] = PlatformRoles.CountyOfficer,
                [PlatformClaims.Region] = Seeded.Huoqiu,
            },
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(options.SigningKeyBytes()), SecurityAlgorithms.HmacSha256),
        });
    }
}
