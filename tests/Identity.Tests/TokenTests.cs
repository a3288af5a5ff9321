using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Security;

namespace Platform.Identity.Tests;

/// <summary>The standard OAuth 2.0 token request gives each account a signed JWT with exactly its platform claims.</summary>
public sealed class TokenTests(IdentityFactory identity) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task A_department_client_gets_exactly_its_role_region_and_scopes_for_the_platform()
    {
        var token = Read(await identity.TokenAsync(("grant_type", "client_credentials"), ("client_id", "water-department"), ("client_secret", IdentityFactory.WaterSecret)));

        Assert.Equal("water-department", token.Subject);
        Assert.Equal(PlatformRoles.DepartmentClient, token.GetClaim(PlatformClaims.Role).Value);
        Assert.Equal(IdentityFactory.County, token.GetClaim(PlatformClaims.Region).Value);
        Assert.Equal(["department:water"], Scopes(token));
        Assert.Equal(["pa-platform"], token.Audiences);
        Assert.Equal("http://localhost/", token.Issuer);
        Assert.Equal("RS256", token.Alg);
        Assert.False(string.IsNullOrEmpty(token.Kid));
    }

    [Fact]
    public async Task A_client_asking_for_a_scope_it_was_not_granted_gets_no_token()
    {
        var (status, body) = await identity.RequestTokenAsync(
            ("grant_type", "client_credentials"), ("client_id", "water-department"), ("client_secret", IdentityFactory.WaterSecret), ("scope", "personal-data"));

        Assert.Equal(400, status);
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
        Assert.Contains("'personal-data' is not granted", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_client_secret_gets_no_token()
    {
        var (status, body) = await identity.RequestTokenAsync(("grant_type", "client_credentials"), ("client_id", "water-department"), ("client_secret", "guess"));

        Assert.Equal(401, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_officer_gets_personal_data_only_when_asking_for_it()
    {
        var plain = Read(await identity.TokenAsync(("grant_type", "password"), ("username", "county-officer"), ("password", IdentityFactory.OfficerPassword)));
        var withPersonalData = Read(await identity.TokenAsync(
            ("grant_type", "password"), ("username", "county-officer"), ("password", IdentityFactory.OfficerPassword), ("scope", "personal-data")));

        Assert.Equal(PlatformRoles.CountyOfficer, plain.GetClaim(PlatformClaims.Role).Value);
        Assert.Equal("示范县干部", plain.GetClaim(PlatformClaims.Name).Value);
        Assert.Empty(Scopes(plain));
        Assert.Equal(["personal-data"], Scopes(withPersonalData));
    }

    [Theory]
    [InlineData("county-officer", "wrong-password-1")]
    [InlineData("nobody", IdentityFactory.OfficerPassword)]
    public async Task A_wrong_user_name_or_password_gets_the_same_refusal(string user, string password)
    {
        var (status, body) = await identity.RequestTokenAsync(("grant_type", "password"), ("username", user), ("password", password));

        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal("The user name or password is not correct.", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task The_discovery_document_names_the_token_endpoint_the_keys_and_the_revoked_callers()
    {
        using var http = identity.CreateClient();
        var discovery = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/.well-known/openid-configuration");

        Assert.Equal("http://localhost/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://localhost/revoked", discovery.GetProperty(RevokedCallers.MetadataName).GetString());
        var jwks = await http.GetFromJsonAsync<System.Text.Json.JsonElement>(discovery.GetProperty("jwks_uri").GetString());
        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.False(key.TryGetProperty("d", out _), "the JWKS must not carry a private key");
    }

    private static JsonWebToken Read(string token) => new JsonWebTokenHandler().ReadJsonWebToken(token);

    private static string[] Scopes(JsonWebToken token) => token.Claims.Where(c => c.Type == PlatformClaims.Scope)
        .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Order().ToArray();
}
