using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>Every call needs a valid platform token.</summary>
public sealed class AuthenticationTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Deadline()));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, registry.Regions.GetRegionAsync(new GetRegionRequest { Code = Seeded.Huoqiu }, Deadline()));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_unauthenticated()
    {
        var token = new DevTokenIssuer(new JwtOptions { SigningKey = DevTokenIssuer.NewKey() }).Issue(PlatformRoles.CountyOfficer, Seeded.Huoqiu, "forger");

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(token)));
    }

    [Fact]
    public async Task An_expired_token_is_unauthenticated_and_a_current_one_is_not()
    {
        var now = DateTime.UtcNow;
        var expired = Token(issuedAt: now.AddHours(-9), expires: now.AddHours(-1));
        var current = Token(issuedAt: now.AddMinutes(-1), expires: now.AddHours(1));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(expired)));
        await registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(current));
    }

    [Theory]
    [InlineData("janitor", Seeded.Huoqiu)]
    [InlineData(PlatformRoles.CountyOfficer, Seeded.Qilipeng)]
    [InlineData(PlatformRoles.CountyOfficer, "not-a-region")]
    public async Task A_signed_token_without_a_known_role_and_matching_region_is_unauthenticated(string role, string region)
    {
        var token = new DevTokenIssuer(new JwtOptions { SigningKey = registry.SigningKey }).Issue(role, region, "stranger");

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, registry.Households.ListHouseholdsAsync(new ListHouseholdsRequest(), Bearer(token)));
    }

    private static CallOptions Deadline() => new(deadline: DateTime.UtcNow.AddSeconds(10));

    private static CallOptions Bearer(string token) => new(new Metadata { { "authorization", $"Bearer {token}" } }, DateTime.UtcNow.AddSeconds(10));

    /// <summary>A county officer's token signed with the service's key, valid over the given times only.</summary>
    private string Token(DateTime issuedAt, DateTime expires)
    {
        var options = new JwtOptions { SigningKey = registry.SigningKey };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
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
