using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Pa.Identity.V1;
using Platform.Identity.Accounts;
using Platform.Identity.Data;
using Platform.Identity.Keys;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Identity.Management;

/// <summary>Operators manage who may obtain tokens and rotate the signing key; every change is audited.</summary>
public sealed class IdentityGrpcService(IdentityDbContext db, AccountStore store, SigningKeyRing ring, IOpenIddictApplicationManager applications) : IdentityService.IdentityServiceBase
{
    [Allow(Roles.Operator, "register department clients")]
    public override async Task<RegisterClientResponse> RegisterClient(RegisterClientRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var name = violations.NotBlank(request.DisplayName, "display_name");
        violations.Check(RegionCode.TryParse(request.RegionCode, out _), "region_code", "must be a 12-digit region code");
        violations.Check(PlatformScopes.Unknown(request.Scopes) is null, "scopes", $"must be platform scopes ({string.Join(", ", PlatformScopes.All)})");
        var signIn = SignInRegistration.Read(request, violations);
        violations.ThrowIfAny();
        if (await store.FindClientAsync(request.ClientId, context.CancellationToken) is not null)
        {
            throw RpcErrors.AlreadyExists($"A client '{request.ClientId}' is already registered.");
        }

        var secret = signIn is null ? AccountStore.NewSecret() : "";
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var client = signIn is null
            ? await store.AddClientAsync(request.ClientId, name, request.RegionCode, request.Scopes, secret, context.CancellationToken)
            : await store.AddSignInClientAsync(request.ClientId, name, request.RegionCode, secret: null, signIn, context.CancellationToken);
        db.Audit(context, signIn is null ? "client.register" : "client.register.sign-in", "client", client.ClientId);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return new RegisterClientResponse { Client = await ToMessageAsync(client, context.CancellationToken), ClientSecret = secret };
    }

    [Allow(Roles.Operator, "list department clients")]
    public override async Task<ListClientsResponse> ListClients(ListClientsRequest request, ServerCallContext context)
    {
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.ClientId).ToListAsync(context.CancellationToken);
        var response = new ListClientsResponse();
        foreach (var client in clients)
        {
            response.Clients.Add(await ToMessageAsync(client, context.CancellationToken));
        }

        return response;
    }

    [Allow(Roles.Operator, "disable department clients")]
    public override async Task<DisableClientResponse> DisableClient(DisableClientRequest request, ServerCallContext context)
    {
        var client = await store.FindClientAsync(request.ClientId, context.CancellationToken) ?? throw RpcErrors.NotFound($"Client {request.ClientId}");
        client.DisabledAt ??= context.Now();
        db.Audit(context, "client.disable", "client", client.ClientId);
        await db.SaveChangesAsync(context.CancellationToken);
        return new DisableClientResponse { Client = await ToMessageAsync(client, context.CancellationToken) };
    }

    [Allow(Roles.Operator, "enable department clients")]
    public override async Task<EnableClientResponse> EnableClient(EnableClientRequest request, ServerCallContext context)
    {
        var client = await store.FindClientAsync(request.ClientId, context.CancellationToken) ?? throw RpcErrors.NotFound($"Client {request.ClientId}");
        client.DisabledAt = null;
        db.Audit(context, "client.enable", "client", client.ClientId);
        await db.SaveChangesAsync(context.CancellationToken);
        return new EnableClientResponse { Client = await ToMessageAsync(client, context.CancellationToken) };
    }

    [Allow(Roles.Operator, "register officers")]
    public override async Task<RegisterOfficerResponse> RegisterOfficer(RegisterOfficerRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var name = violations.NotBlank(request.DisplayName, "display_name");
        if (PlatformRoles.WhyNotAllowed(request.Role, request.RegionCode) is { } why)
        {
            violations.Add(PlatformRoles.All.Contains(request.Role) ? "region_code" : "role", why);
        }

        violations.Check(PlatformScopes.Unknown(request.Scopes) is null, "scopes", $"must be platform scopes ({string.Join(", ", PlatformScopes.All)})");
        violations.ThrowIfAny();
        if (await store.FindOfficerAsync(request.UserName, context.CancellationToken) is not null)
        {
            throw RpcErrors.AlreadyExists($"An officer '{request.UserName}' is already registered.");
        }

        var officer = store.AddOfficer(request.UserName, name, request.Role, request.RegionCode, request.Scopes, request.Password);
        db.Audit(context, "officer.register", "officer", officer.UserName);
        await db.SaveChangesAsync(context.CancellationToken);
        return new RegisterOfficerResponse { Officer = ToMessage(officer) };
    }

    [Allow(Roles.Operator, "list officers")]
    public override async Task<ListOfficersResponse> ListOfficers(ListOfficersRequest request, ServerCallContext context)
    {
        var officers = await db.Officers.AsNoTracking().OrderBy(o => o.UserName).ToListAsync(context.CancellationToken);
        return new ListOfficersResponse { Officers = { officers.Select(ToMessage) } };
    }

    [Allow(Roles.Operator, "disable officers")]
    public override async Task<DisableOfficerResponse> DisableOfficer(DisableOfficerRequest request, ServerCallContext context)
    {
        var officer = await store.FindOfficerAsync(request.UserName, context.CancellationToken) ?? throw RpcErrors.NotFound($"Officer {request.UserName}");
        officer.DisabledAt ??= context.Now();
        db.Audit(context, "officer.disable", "officer", officer.UserName);
        await db.SaveChangesAsync(context.CancellationToken);
        return new DisableOfficerResponse { Officer = ToMessage(officer) };
    }

    [Allow(Roles.Operator, "rotate the signing key")]
    public override async Task<RotateSigningKeyResponse> RotateSigningKey(RotateSigningKeyRequest request, ServerCallContext context)
    {
        db.Audit(context, "signing-key.rotate", "signing-key", "new");
        var key = await ring.RotateAsync(db, context.CancellationToken);
        return new RotateSigningKeyResponse { Key = ToMessage(key) };
    }

    [Allow(Roles.Operator, "list the signing keys")]
    public override Task<ListSigningKeysResponse> ListSigningKeys(ListSigningKeysRequest request, ServerCallContext context) =>
        Task.FromResult(new ListSigningKeysResponse { Keys = { ring.Published.Select(k => ToMessage(k.Row)) } });

    /// <summary>The client as operators see it, with a sign-in client's URIs from its OpenIddict application.</summary>
    private async Task<Client> ToMessageAsync(ClientAccount c, CancellationToken ct)
    {
        var message = ToMessage(c);
        if (await applications.FindByClientIdAsync(c.ClientId, ct) is { } application)
        {
            message.RedirectUris.AddRange((await applications.GetRedirectUrisAsync(application, ct)).Order(StringComparer.Ordinal));
            message.PostLogoutRedirectUris.AddRange((await applications.GetPostLogoutRedirectUrisAsync(application, ct)).Order(StringComparer.Ordinal));
        }

        return message;
    }

    private static Client ToMessage(ClientAccount c) => new()
    {
        ClientId = c.ClientId,
        DisplayName = c.DisplayName,
        RegionCode = c.RegionCode,
        Scopes = { PlatformScopes.Split(c.Scopes) },
        Disabled = c.DisabledAt is not null,
        RegisteredAt = Timestamp.FromDateTime(DateTime.SpecifyKind(c.RegisteredAt, DateTimeKind.Utc)),
    };

    private static Officer ToMessage(OfficerAccount o) => new()
    {
        UserName = o.UserName,
        DisplayName = o.DisplayName,
        Role = o.Role,
        RegionCode = o.RegionCode,
        Scopes = { PlatformScopes.Split(o.Scopes) },
        Disabled = o.DisabledAt is not null,
    };

    private static SigningKey ToMessage(SigningKeyRecord k)
    {
        var message = new SigningKey
        {
            KeyId = k.KeyId,
            Algorithm = k.Algorithm,
            CreatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(k.CreatedAt, DateTimeKind.Utc)),
            Signs = k.RetiredAt is null,
        };
        if (k.RetiresAt is { } retires)
        {
            message.RetiresAt = Timestamp.FromDateTime(DateTime.SpecifyKind(retires, DateTimeKind.Utc));
        }

        return message;
    }
}
