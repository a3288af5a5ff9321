using Platform.Identity.Data;
using Platform.Security;

namespace Platform.Identity.Accounts;

/// <summary>
/// Creates the accounts of Identity:Seed at start, or brings existing ones up to date (role,
/// region, scopes, password or secret), so the AppHost's development officers and clients match
/// its data folder on every run. A seed entry the platform would refuse stops the start with the reason.
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

        foreach (var seed in options.Seed.Clients)
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

        await db.SaveChangesAsync(cancel);
    }

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
