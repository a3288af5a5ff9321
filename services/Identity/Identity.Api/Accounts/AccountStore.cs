using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Accounts;

/// <summary>
/// Creates and changes accounts: a department client is an OpenIddict application (its id and
/// hashed secret, allowed the client-credentials grant at the token endpoint) plus its
/// <see cref="ClientAccount"/>; the portal is an application of the code flow (<see cref="SignInClient"/>)
/// with its <see cref="ClientAccount"/> too, so it is listed and can be disabled; an officer is an <see cref="OfficerAccount"/>. Callers check the
/// request and save; OpenIddict's manager saves the application itself.
/// </summary>
public sealed class AccountStore(IdentityDbContext db, IOpenIddictApplicationManager applications, TimeProvider time)
{
    /// <summary>A new random client secret: 32 bytes, base64url.</summary>
    public static string NewSecret() => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public async Task<ClientAccount> AddClientAsync(string clientId, string displayName, string region, IEnumerable<string> scopes, string secret, CancellationToken cancel)
    {
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        }, cancel);
        var account = new ClientAccount
        {
            ClientId = clientId,
            DisplayName = displayName,
            RegionCode = region,
            Scopes = string.Join(' ', scopes),
            RegisteredAt = time.GetUtcNow().UtcDateTime,
        };
        db.Clients.Add(account);
        return account;
    }

    /// <summary>
    /// Registers a client of the authorization code flow with PKCE (the portal): confidential with a
    /// secret, public without; its codes go only to <paramref name="client"/>'s redirect URIs.
    /// </summary>
    public async Task<ClientAccount> AddSignInClientAsync(string clientId, string displayName, string region, string? secret, SignInClient client, CancellationToken cancel)
    {
        await applications.CreateAsync(client.Describe(clientId, displayName, secret), cancel);
        var account = new ClientAccount
        {
            ClientId = clientId,
            DisplayName = displayName,
            RegionCode = region,
            Scopes = "",
            RegisteredAt = time.GetUtcNow().UtcDateTime,
        };
        db.Clients.Add(account);
        return account;
    }

    /// <summary>Brings a code-flow client's redirect URIs, name and secret up to date.</summary>
    public async Task UpdateSignInClientAsync(string clientId, string displayName, string? secret, SignInClient client, CancellationToken cancel)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancel)
            ?? throw new InvalidOperationException($"No application for client {clientId}.");
        await applications.UpdateAsync(application, client.Describe(clientId, displayName, secret), cancel);
    }

    /// <summary>Gives an existing client a new secret (the AppHost's development clients after their secret changed).</summary>
    public async Task ResetSecretAsync(string clientId, string secret, CancellationToken cancel)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancel)
            ?? throw new InvalidOperationException($"No application for client {clientId}.");
        await applications.UpdateAsync(application, secret, cancel);
    }

    public OfficerAccount AddOfficer(string userName, string displayName, string role, string region, IEnumerable<string> scopes, string password)
    {
        var officer = new OfficerAccount
        {
            UserName = userName,
            DisplayName = displayName,
            Role = role,
            RegionCode = region,
            Scopes = string.Join(' ', scopes),
            PasswordHash = PasswordHashing.Hash(password),
        };
        db.Officers.Add(officer);
        return officer;
    }

    public Task<ClientAccount?> FindClientAsync(string clientId, CancellationToken cancel) => db.Clients.FirstOrDefaultAsync(c => c.ClientId == clientId, cancel);

    public Task<OfficerAccount?> FindOfficerAsync(string userName, CancellationToken cancel) => db.Officers.FirstOrDefaultAsync(o => o.UserName == userName, cancel);
}

/// <summary>A client of the authorization code flow with PKCE: the redirect URIs it registered.</summary>
public sealed record SignInClient(IReadOnlyList<Uri> RedirectUris, IReadOnlyList<Uri> PostLogoutRedirectUris)
{
    public OpenIddictApplicationDescriptor Describe(string clientId, string displayName, string? secret)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = string.IsNullOrEmpty(secret) ? null : secret,
            ClientType = string.IsNullOrEmpty(secret) ? ClientTypes.Public : ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.RedirectUris.UnionWith(RedirectUris);
        descriptor.PostLogoutRedirectUris.UnionWith(PostLogoutRedirectUris);
        return descriptor;
    }
}
