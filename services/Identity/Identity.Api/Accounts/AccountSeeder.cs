using Platform.Identity.Data;
using Platform.Security;

namespace Platform.Identity.Accounts;

/// <summary>
/// Creates the accounts of Identity:Seed at start, or brings existing ones up to date (role,
/// region, scopes, password or secret; the portal's redirect URIs), so the AppHost's development
/// officers and clients match its data folder on every run. A seed entry the platform would refuse stops the start with the reason.
/// </summary>
public sealed class AccountSeeder(IdentityDbContext db, AccountStore store, IdentityOptions options)
{
    public async Task SeedAsync(CancellationToken cancel)
    {
        foreach (var seed in options.Seed.Officers)
        {
            Check(seed.UserName, PlatformRoles.WhyNotAllowed(seed.Role, seed.Region), PlatformScopes.Unknown(PlatformScopes.Split(seed.Scopes)));
            var officer = await store.FindOfficerAsync(seed.UserName, cancel);
            if (officer is null)
            {
                store.AddOfficer(seed.UserName, seed.DisplayName ?? seed.UserName, seed.Role, seed.Region, PlatformScopes.Split(seed.Scopes), seed.Password);
                continue;
            }

            (officer.DisplayName, officer.Role, officer.RegionCode, officer.Scopes) = (seed.DisplayName ?? seed.UserName, seed.Role, seed.Region, seed.Scopes);
            if (!PasswordHashing.Verify(seed.Password, officer.PasswordHash))
            {
                officer.PasswordHash = PasswordHashing.Hash(seed.Password);
            }
        }

        foreach (var seed in options.Seed.Clients.Where(c => c.Flow != SeedFlows.Code))
        {
            Check(seed.ClientId, RegionCode.TryParse(seed.Region, out _) ? null : "its region is not a 12-digit region code", PlatformScopes.Unknown(PlatformScopes.Split(seed.Scopes)));
            var client = await store.FindClientAsync(seed.ClientId, cancel);
            if (client is null)
            {
                await store.AddClientAsync(seed.ClientId, seed.DisplayName ?? seed.ClientId, seed.Region, PlatformScopes.Split(seed.Scopes), seed.Secret, cancel);
                continue;
            }

            (client.DisplayName, client.RegionCode, client.Scopes) = (seed.DisplayName ?? seed.ClientId, seed.Region, seed.Scopes);
            await store.ResetSecretAsync(seed.ClientId, seed.Secret, cancel);
        }

        foreach (var seed in options.Seed.Clients.Where(c => c.Flow == SeedFlows.Code))
        {
            var signIn = SignInClientOf(seed);
            var client = await store.FindClientAsync(seed.ClientId, cancel);
            if (client is null)
            {
                await store.AddSignInClientAsync(seed.ClientId, seed.DisplayName ?? seed.ClientId, seed.Region, seed.Secret, signIn, cancel);
                continue;
            }

            (client.DisplayName, client.RegionCode) = (seed.DisplayName ?? seed.ClientId, seed.Region);
            await store.UpdateSignInClientAsync(seed.ClientId, seed.DisplayName ?? seed.ClientId, seed.Secret, signIn, cancel);
        }

        await db.SaveChangesAsync(cancel);
    }

    /// <summary>A code-flow seed entry: at least one redirect URI, every URI absolute (no wildcards: OpenIddict matches them exactly).</summary>
    private static SignInClient SignInClientOf(SeedClient seed)
    {
        if (seed.RedirectUris.Count == 0)
        {
            throw new InvalidOperationException($"{IdentityOptions.Section}:Seed client '{seed.ClientId}': the code flow needs at least one RedirectUris entry.");
        }

        if (seed.Region.Length > 0 && !RegionCode.TryParse(seed.Region, out _))
        {
            throw new InvalidOperationException($"{IdentityOptions.Section}:Seed client '{seed.ClientId}': its region is not a 12-digit region code.");
        }

        return new SignInClient(seed.RedirectUris.Select(u => Absolute(seed.ClientId, u)).ToList(), seed.PostLogoutRedirectUris.Select(u => Absolute(seed.ClientId, u)).ToList());
    }

    private static Uri Absolute(string clientId, string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var absolute)
        ? absolute
        : throw new InvalidOperationException($"{IdentityOptions.Section}:Seed client '{clientId}': '{uri}' is not an absolute URI.");

    private static void Check(string name, string? why, string? unknownScope)
    {
        if (why is not null)
        {
            throw new InvalidOperationException($"{IdentityOptions.Section}:Seed account '{name}': {why}");
        }

        if (unknownScope is not null)
        {
            throw new InvalidOperationException($"{IdentityOptions.Section}:Seed account '{name}': '{unknownScope}' is not a platform scope ({string.Join(", ", PlatformScopes.All)}).");
        }
    }
}
