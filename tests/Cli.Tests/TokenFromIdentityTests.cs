using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Identity.Tests;
using Platform.Security;

namespace Platform.Cli.Tests;

/// <summary>`pa token` asks the identity service's token endpoint, as any client would.</summary>
public sealed class TokenFromIdentityTests(IdentityFactory identity) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task A_role_and_region_gets_the_token_of_the_development_officer_of_that_role()
    {
        var token = await TokenAsync("--role", PlatformRoles.CountyOfficer, "--region", IdentityFactory.County, "--password", IdentityFactory.OfficerPassword);

        Assert.Equal((PlatformRoles.CountyOfficer, IdentityFactory.County), (token.GetClaim(PlatformClaims.Role).Value, token.GetClaim(PlatformClaims.Region).Value));
        Assert.False(token.TryGetClaim(PlatformClaims.Scope, out _));
    }

    [Fact]
    public async Task Personal_data_is_in_the_token_only_when_asked_for()
    {
        var token = await TokenAsync("--user", "county-officer", "--personal-data", "--password", IdentityFactory.OfficerPassword);

        Assert.Equal(PlatformClaims.PersonalDataScope, token.GetClaim(PlatformClaims.Scope).Value);
    }

    [Fact]
    public async Task A_region_that_is_not_the_officers_is_refused_with_the_officers_region()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            TokenAsync("--role", PlatformRoles.CountyOfficer, "--region", "341523000000", "--password", IdentityFactory.OfficerPassword));

        Assert.Contains($"the development officer 'county-officer' is of region {IdentityFactory.County}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_client_gets_its_token_with_its_secret()
    {
        var token = await TokenAsync("--client", "water-department", "--secret", IdentityFactory.WaterSecret);

        Assert.Equal((PlatformRoles.DepartmentClient, "department:water"), (token.GetClaim(PlatformClaims.Role).Value, token.GetClaim(PlatformClaims.Scope).Value));
    }

    [Fact]
    public async Task A_refused_request_says_what_the_identity_service_answered()
    {
        var error = await Assert.ThrowsAsync<TokenRequestException>(() => TokenAsync("--user", "county-officer", "--password", "wrong-password-1"));

        Assert.Contains("invalid_grant (The user name or password is not correct.)", error.Message, StringComparison.Ordinal);
    }

    private async Task<JsonWebToken> TokenAsync(params string[] args)
    {
        using var http = identity.CreateClient();
        return new JsonWebToken(await Commands.TokenAsync(new Options([.. args, "--authority", "http://localhost"]), http));
    }
}
