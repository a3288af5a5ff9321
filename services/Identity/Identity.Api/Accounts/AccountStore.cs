using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Accounts;

/// <summary>
/// Creates and changes accounts: a department client is an OpenIddict application (its id and
/// hashed secret, allowed the client-credentials grant at the token endpoint) plus its
/// <see cref="ClientAccount"/>; an officer is an <see cref="OfficerAccount"/>. Callers check the
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
