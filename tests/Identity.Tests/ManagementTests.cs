using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pa.Identity.V1;
using Platform.Identity.Data;
using Platform.Identity.Keys;
using Platform.Security;

namespace Platform.Identity.Tests;

/// <summary>
/// Operators register and disable accounts and rotate the signing key over gRPC, audited; the
/// service checks these calls' tokens as every service does, against its own published keys.
/// </summary>
public sealed class ManagementTests(IdentityFactory identity) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task A_registered_client_gets_tokens_with_its_secret_and_the_registration_is_audited()
    {
        var reply = await identity.Management.RegisterClientAsync(new RegisterClientRequest
        {
            ClientId = "health-department",
            DisplayName = "省卫健委",
            RegionCode = "340000000000",
            Scopes = { "department:health", "personal-data" },
        }, IdentityFactory.With(await identity.OperatorTokenAsync()));

        var token = await identity.TokenAsync(
            ("grant_type", "client_credentials"), ("client_id", "health-department"), ("client_secret", reply.ClientSecret), ("scope", "department:health personal-data"));
        Assert.Equal("health-department", new JsonWebTokenHandler().ReadJsonWebToken(token).Subject);
        Assert.True(await AuditedAsync("client.register", "health-department"));
        var listed = await identity.Management.ListClientsAsync(new ListClientsRequest(), IdentityFactory.With(await identity.OperatorTokenAsync()));
        Assert.Contains(listed.Clients, c => c.ClientId == "health-department" && c.Scopes.Count == 2 && !c.Disabled);
    }

    [Fact]
    public async Task Only_operators_manage_accounts()
    {
        var officer = await identity.TokenAsync(("grant_type", "password"), ("username", "county-officer"), ("password", IdentityFactory.OfficerPassword));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, identity.Management.ListClientsAsync(new ListClientsRequest(), IdentityFactory.With(officer)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, identity.Management.RotateSigningKeyAsync(new RotateSigningKeyRequest(), IdentityFactory.With(officer)));
    }

    [Fact]
    public async Task Bad_registrations_name_the_field_and_a_taken_name_already_exists()
    {
        var call = IdentityFactory.With(await identity.OperatorTokenAsync());

        var region = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, identity.Management.RegisterClientAsync(
            new RegisterClientRequest { ClientId = "edu-department", DisplayName = "教育厅", RegionCode = "340000000001", Scopes = { "department:education" } }, call));
        var scope = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, identity.Management.RegisterClientAsync(
            new RegisterClientRequest { ClientId = "edu-department", DisplayName = "教育厅", RegionCode = "340000000000", Scopes = { "everything" } }, call));
        var level = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, identity.Management.RegisterOfficerAsync(new RegisterOfficerRequest
        {
            UserName = "village-1", DisplayName = "村干部", Role = PlatformRoles.VillageOfficer, RegionCode = IdentityFactory.County, Password = "long-enough-pass",
        }, call));
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, identity.Management.RegisterClientAsync(
            new RegisterClientRequest { ClientId = "water-department", DisplayName = "水利厅", RegionCode = "340000000000" }, call));

        Assert.Contains("region_code", region.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("scopes", scope.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("region_code", level.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_officer_gets_no_token_and_the_tokens_it_holds_are_refused_with_when()
    {
        var call = IdentityFactory.With(await identity.OperatorTokenAsync());
        await identity.Management.RegisterOfficerAsync(new RegisterOfficerRequest
        {
            UserName = "second-operator", DisplayName = "值班员", Role = PlatformRoles.Operator, RegionCode = "340000000000", Password = "second-operator-pw",
        }, call);
        var held = await identity.TokenAsync(("grant_type", "password"), ("username", "second-operator"), ("password", "second-operator-pw"));
        await identity.Management.ListClientsAsync(new ListClientsRequest(), IdentityFactory.With(held));
        await Task.Delay(1100); // The revocation time is after the token's issue time (whole seconds).

        await identity.Management.DisableOfficerAsync(new DisableOfficerRequest { UserName = "second-operator" }, call);

        var refused = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, identity.Management.ListClientsAsync(new ListClientsRequest(), IdentityFactory.With(held)));
        Assert.Contains("'second-operator' was disabled at", refused.Status.Detail, StringComparison.Ordinal);
        var (status, body) = await identity.RequestTokenAsync(("grant_type", "password"), ("username", "second-operator"), ("password", "second-operator-pw"));
        Assert.Equal((400, "The officer's account is disabled."), (status, body.GetProperty("error_description").GetString()));
        Assert.True(await AuditedAsync("officer.disable", "second-operator"));
    }

    [Fact]
    public async Task A_disabled_client_gets_no_token_and_its_tokens_are_refused_until_it_is_enabled()
    {
        var call = IdentityFactory.With(await identity.OperatorTokenAsync());
        var reply = await identity.Management.RegisterClientAsync(
            new RegisterClientRequest { ClientId = "housing-department", DisplayName = "住建厅", RegionCode = "340000000000", Scopes = { "department:housing" } }, call);
        (string, string)[] request = [("grant_type", "client_credentials"), ("client_id", "housing-department"), ("client_secret", reply.ClientSecret)];
        var held = await identity.TokenAsync(request);
        await Task.Delay(1100);

        await identity.Management.DisableClientAsync(new DisableClientRequest { ClientId = "housing-department" }, call);

        // A department client may not manage accounts; once disabled, its token is not even a caller.
        var refused = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, identity.Management.ListClientsAsync(new ListClientsRequest(), IdentityFactory.With(held)));
        Assert.Contains("'housing-department' was disabled at", refused.Status.Detail, StringComparison.Ordinal);
        var (status, body) = await identity.RequestTokenAsync(request);
        Assert.Equal((401, "invalid_client"), (status, body.GetProperty("error").GetString()));

        await identity.Management.EnableClientAsync(new EnableClientRequest { ClientId = "housing-department" }, call);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, identity.Management.ListClientsAsync(new ListClientsRequest(), IdentityFactory.With(await identity.TokenAsync(request))));
    }

    [Fact]
    public async Task After_a_key_rotation_tokens_of_the_old_and_the_new_key_both_work_without_a_restart()
    {
        var before = await identity.OperatorTokenAsync();

        var rotated = await identity.Management.RotateSigningKeyAsync(new RotateSigningKeyRequest(), IdentityFactory.With(before));
        var after = await identity.OperatorTokenAsync();

        Assert.Equal(rotated.Key.KeyId, new JsonWebTokenHandler().ReadJsonWebToken(after).Kid);
        Assert.NotEqual(rotated.Key.KeyId, new JsonWebTokenHandler().ReadJsonWebToken(before).Kid);
        var keys = await identity.Management.ListSigningKeysAsync(new ListSigningKeysRequest(), IdentityFactory.With(after));
        await identity.Management.ListSigningKeysAsync(new ListSigningKeysRequest(), IdentityFactory.With(before));
        Assert.Equal(rotated.Key.KeyId, Assert.Single(keys.Keys, k => k.Signs).KeyId);
        Assert.All(keys.Keys.Where(k => !k.Signs), k => Assert.NotNull(k.RetiresAt));
        Assert.True(await AuditedAsync("signing-key.rotate", "new"));
    }

    [Fact]
    public async Task Tokens_of_another_issuer_of_a_key_not_published_or_expired_are_refused_with_the_reason()
    {
        var signer = identity.Services.GetRequiredService<SigningKeyRing>().Signer.Credentials;
        var stranger = new TestAuthority();

        await RefusedAsync(stranger.Issue(PlatformRoles.Operator, "340000000000", "x", issuer: "http://localhost/", audience: "pa-platform"), "does not publish");
        await RefusedAsync(Mint(signer, issuer: "https://elsewhere.test/", expires: DateTime.UtcNow.AddHours(1)), "issuer");
        var expiry = DateTime.UtcNow.AddHours(-1);
        await RefusedAsync(Mint(signer, issuer: "http://localhost/", expires: expiry), $"expired at {expiry:yyyy-MM-dd HH:mm:ss} UTC");
    }

    private async Task RefusedAsync(string token, string reason)
    {
        var error = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, identity.Management.ListClientsAsync(new ListClientsRequest(), IdentityFactory.With(token)));
        Assert.Contains(reason, error.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>An operator token signed with the service's own key, with the given issuer and expiry.</summary>
    private static string Mint(SigningCredentials signer, string issuer, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = "pa-platform",
        Claims = new Dictionary<string, object> { ["sub"] = "operator", ["role"] = PlatformRoles.Operator, ["region"] = "340000000000" },
        IssuedAt = expires.AddHours(-2),
        NotBefore = expires.AddHours(-2),
        Expires = expires,
        SigningCredentials = signer,
    });

    private async Task<bool> AuditedAsync(string action, string entityId)
    {
        await using var scope = identity.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        return await db.AuditRecords.AnyAsync(a => a.Action == action && a.EntityId == entityId && a.Purpose == "identity tests");
    }
}
