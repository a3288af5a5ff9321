using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.IdentityModel.Tokens;
using Pa.Registry.V1;
using Platform.Security;
using Platform.Testing;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>
/// Every call needs a token of the identity provider the service is pointed at (Auth:Authority),
/// checked against the keys it publishes; a refused caller is told why: a gRPC status
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

    [Theory]
    [InlineData(SecurityAlgorithms.EcdsaSha256)]
    [InlineData(SecurityAlgorithms.RsaSha256)]
    public async Task A_token_signed_with_a_key_the_provider_does_not_publish_is_refused(string algorithm)
    {
        var token = registry.Authority.Issue(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "forger", signWith: TestAuthority.ForeignKey(algorithm));

        await AssertRefusedAsync(token, "signed with a key the identity provider does not publish");
    }

    [Fact]
    public async Task A_token_signed_with_a_shared_secret_is_refused()
    {
        // HS256 with a key id the provider publishes: the classic confusion of a public key used as an HMAC secret.
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = registry.Authority.CurrentKeyId };
        var token = registry.Authority.Issue(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "forger", signWith: new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));

        await AssertRefusedAsync(token, "signature does not verify");
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_when_it_expired_and_a_current_one_is_not()
    {
        var now = DateTime.UtcNow;
        var expiry = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(-1);
        var expired = Officer(issuedAt: expiry.AddHours(-8), lifetime: TimeSpan.FromHours(8));
        var current = Officer(issuedAt: now.AddMinutes(-1), lifetime: TimeSpan.FromHours(1));

        await AssertRefusedAsync(expired, $"expired at {expiry:yyyy-MM-dd HH:mm:ss} UTC");
        await registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(current));
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused_for_its_issuer()
    {
        await AssertRefusedAsync(Officer(issuer: "https://someone-else.test/"), "issuer");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused_for_its_audience()
    {
        await AssertRefusedAsync(Officer(audience: "another-platform"), "audience");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    public async Task A_malformed_token_is_refused_as_malformed(string token)
    {
        await AssertRefusedAsync(token, "not a well-formed JWT");
    }

    [Fact]
    public async Task Refusals_do_not_echo_the_token()
    {
        var token = registry.Authority.Issue(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "forger", signWith: TestAuthority.ForeignKey());

        var error = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(token)));

        Assert.DoesNotContain(token.Split('.')[1], error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("forger", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlatformRoles.CountyOfficer, Seeded.Qilipeng, "A county-officer needs a region code of county level; the token's region is of village level.")]
    [InlineData(PlatformRoles.VillageOfficer, Seeded.Huoqiu, "A village-officer needs a region code of village level; the token's region is of county level.")]
    [InlineData("janitor", Seeded.Huoqiu, "not a platform role")]
    [InlineData(PlatformRoles.CountyOfficer, "not-a-region", "not a 12-digit region code")]
    public async Task A_signed_token_without_a_known_role_and_matching_region_is_refused_with_the_rule(string role, string region, string reason)
    {
        await AssertRefusedAsync(registry.Authority.Issue(role, region, "stranger"), reason);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.EcdsaSha256)]
    [InlineData(SecurityAlgorithms.RsaSha256)]
    public async Task After_the_provider_rotates_its_key_old_and_new_tokens_both_work_without_a_restart(string algorithm)
    {
        // A registry of its own: another test's unknown key must not have used up the refresh interval.
        await using var fresh = new RegistryFactory();
        var before = fresh.Authority.Issue(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "officer");
        await fresh.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(before));
        var readsBefore = fresh.Authority.KeyReads;

        fresh.Authority.RotateKey(algorithm);
        var after = fresh.Authority.Issue(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "officer");

        await fresh.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(after));
        await fresh.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(before));
        Assert.Equal(readsBefore + 1, fresh.Authority.KeyReads);
    }

    [Fact]
    public async Task A_stream_of_unknown_key_ids_reads_the_keys_once_per_interval()
    {
        await registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(Officer()));
        var readsBefore = registry.Authority.KeyReads;

        for (var i = 0; i < 5; i++)
        {
            await AssertRefusedAsync(registry.Authority.Issue(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "forger", signWith: TestAuthority.ForeignKey()), "does not publish");
        }

        Assert.InRange(registry.Authority.KeyReads - readsBefore, 0, 1);
    }

    [Fact]
    public async Task A_token_of_a_caller_the_provider_disabled_is_refused_with_when_and_a_later_one_is_not()
    {
        // Keys and revoked callers read on every call, so the revocation is seen at once.
        await using var fresh = RegistryFactory.With(new Dictionary<string, string> { ["Auth:MetadataRefresh"] = "00:00:00" });
        var issued = DateTime.UtcNow.AddMinutes(-5);
        var token = fresh.Authority.Issue(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "water-department", issuedAt: issued);
        await fresh.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(token));
        var since = new DateTimeOffset(issued.AddMinutes(1));

        fresh.Authority.Revoke("water-department", since);

        var error = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, fresh.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(token)));
        Assert.Contains($"'water-department' was disabled at {since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC", error.Status.Detail, StringComparison.Ordinal);
        var reissued = fresh.Authority.Issue(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "water-department");
        await fresh.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(reissued));
    }

    private async Task AssertRefusedAsync(string token, string reason)
    {
        var error = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(token)));

        Assert.Contains(reason, error.Status.Detail, StringComparison.Ordinal);
    }

    private static CallOptions Deadline() => new(deadline: DateTime.UtcNow.AddSeconds(10));

    private static CallOptions Bearer(string token) => new(new Metadata { { "authorization", $"Bearer {token}" } }, DateTime.UtcNow.AddSeconds(10));

    /// <summary>A county officer's token from the service's issuer.</summary>
    private string Officer(DateTime? issuedAt = null, TimeSpan? lifetime = null, string? issuer = null, string? audience = null) =>
        registry.Authority.Issue(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "officer", lifetime: lifetime, issuer: issuer, audience: audience, issuedAt: issuedAt);
}
