using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Security;

namespace Platform.BuildingBlocks.Tests;

public sealed class DevTokenIssuerTests
{
    private static readonly JwtOptions Options = new()
    {
        Issuer = "test-issuer",
        Audience = "test-audience",
        SigningKey = DevTokenIssuer.NewKey(),
    };

    private static TokenValidationParameters Validation(JwtOptions options) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = new SymmetricSecurityKey(options.SigningKeyBytes()),
        ValidateLifetime = true,
    };

    [Fact]
    public async Task Issued_token_validates_and_carries_platform_claims()
    {
        var token = new DevTokenIssuer(Options).Issue(PlatformRoles.CountyOfficer, "341522000000", "officer-1", "Officer Li", personalData: true);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Validation(Options));

        Assert.True(result.IsValid, result.Exception?.Message);
        var identity = result.ClaimsIdentity;
        Assert.Equal("officer-1", identity.FindFirst(PlatformClaims.Subject)?.Value);
        Assert.Equal("Officer Li", identity.FindFirst(PlatformClaims.Name)?.Value);
        Assert.Equal(PlatformRoles.CountyOfficer, identity.FindFirst(PlatformClaims.Role)?.Value);
        Assert.Equal("341522000000", identity.FindFirst(PlatformClaims.Region)?.Value);
        Assert.Equal(PlatformClaims.PersonalDataScope, identity.FindFirst(PlatformClaims.Scope)?.Value);

        var caller = Caller.FromPrincipal(new System.Security.Claims.ClaimsPrincipal(identity));
        Assert.NotNull(caller);
        Assert.True(caller.HasPersonalDataScope);
    }

    [Fact]
    public async Task Token_without_personal_data_has_no_scope_claim()
    {
        var token = new DevTokenIssuer(Options).Issue(PlatformRoles.Auditor, "340000000000", "auditor-1");

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Validation(Options));

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Null(result.ClaimsIdentity.FindFirst(PlatformClaims.Scope));
        Assert.Equal("auditor-1", result.ClaimsIdentity.FindFirst(PlatformClaims.Name)?.Value);
    }

    [Fact]
    public async Task Token_fails_validation_with_another_key_or_audience()
    {
        var token = new DevTokenIssuer(Options).Issue(PlatformRoles.Auditor, "340000000000", "auditor-1");
        var otherKey = new JwtOptions { Issuer = Options.Issuer, Audience = Options.Audience, SigningKey = DevTokenIssuer.NewKey() };
        var otherAudience = new JwtOptions { Issuer = Options.Issuer, Audience = "someone-else", SigningKey = Options.SigningKey };

        var handler = new JsonWebTokenHandler();
        Assert.False((await handler.ValidateTokenAsync(token, Validation(otherKey))).IsValid);
        Assert.False((await handler.ValidateTokenAsync(token, Validation(otherAudience))).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")] // 31 bytes
    public void Short_signing_key_throws(string key)
    {
        var options = new JwtOptions { SigningKey = key };

        Assert.Throws<InvalidOperationException>(() => options.SigningKeyBytes());
        Assert.Throws<InvalidOperationException>(() => new DevTokenIssuer(options).Issue(PlatformRoles.Auditor, "340000000000", "a"));
    }

    [Fact]
    public void NewKey_is_32_random_bytes()
    {
        var key = DevTokenIssuer.NewKey();

        Assert.Equal(32, Convert.FromBase64String(key).Length);
        Assert.NotEqual(key, DevTokenIssuer.NewKey());
    }
}
