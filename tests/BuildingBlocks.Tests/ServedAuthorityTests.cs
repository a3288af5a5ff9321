using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Security;
using Platform.Testing;

namespace Platform.BuildingBlocks.Tests;

/// <summary>
/// The test issuer served over real HTTP (<see cref="TestAuthority.ServeAsync"/>), as services in
/// their own processes read it: the documents a service reads from the served address must let it
/// accept the served tokens and nothing else.
/// </summary>
public sealed class ServedAuthorityTests
{
    private readonly TestAuthority _authority = new();

    [Fact]
    public async Task A_service_reading_the_served_address_accepts_tokens_naming_the_served_issuer_only()
    {
        await using var served = await _authority.ServeAsync();

        var configuration = await Metadata(served.Address).GetConfigurationAsync(default);

        Assert.StartsWith("http://127.0.0.1:", served.Address, StringComparison.Ordinal);
        Assert.Equal(served.Issuer, configuration.Issuer);
        Assert.Contains(configuration.SigningKeys, k => k.KeyId == _authority.CurrentKeyId);
        Assert.True(await ValidAsync(served.Issue(PlatformRoles.CountyOfficer, "341522000000", "officer"), configuration));
        // A token for the in-memory address names another issuer.
        Assert.False(await ValidAsync(_authority.Issue(PlatformRoles.CountyOfficer, "341522000000", "officer"), configuration));
    }

    [Fact]
    public async Task Keys_rotated_and_callers_revoked_after_serving_began_are_served()
    {
        await using var served = await _authority.ServeAsync();
        var rotated = _authority.RotateKey();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        _authority.Revoke("water-department", since);
        var metadata = Metadata(served.Address);

        var configuration = await metadata.GetConfigurationAsync(default);

        Assert.Contains(configuration.SigningKeys, k => k.KeyId == rotated.Key.KeyId);
        Assert.Equal(since, metadata.RevokedSince("water-department"));
    }

    [Fact]
    public async Task The_settings_point_a_service_at_the_served_address_over_http_and_disposing_stops_serving()
    {
        var served = await _authority.ServeAsync();
        Assert.Equal(served.Address, served.Settings["Auth:Authority"]);
        Assert.Equal("false", served.Environment["Auth__RequireHttpsMetadata"]);

        await served.DisposeAsync();

        await Assert.ThrowsAsync<AuthorityUnavailableException>(() => Metadata(served.Address).GetConfigurationAsync(default));
    }

    private static AuthorityMetadata Metadata(string address)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(AuthorityMetadata.HttpClientName);
        var http = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = new AuthOptions { Authority = address, RequireHttpsMetadata = false };
        return new AuthorityMetadata(options, http, TimeProvider.System, NullLogger<AuthorityMetadata>.Instance);
    }

    private static async Task<bool> ValidAsync(string token, Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration configuration)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = TestAuthority.Audience,
            IssuerSigningKeys = configuration.SigningKeys,
        });
        return result.IsValid;
    }
}
