using Microsoft.EntityFrameworkCore;
using Platform.Identity.Data;
using Platform.Security;

namespace Platform.Identity.Tokens;

/// <summary>
/// The disabled clients and officers with when they were disabled ({issuer}/revoked, named in the
/// discovery document): the services refuse their tokens issued before then. Only names and times.
/// </summary>
public static class RevokedEndpoint
{
    public const string Path = "revoked";

    public static async Task<RevokedCallers> ListAsync(IdentityDbContext db, CancellationToken cancel)
    {
        var clients = await db.Clients.AsNoTracking().Where(c => c.DisabledAt != null).Select(c => new { Subject = c.ClientId, c.DisabledAt }).ToListAsync(cancel);
        var officers = await db.Officers.AsNoTracking().Where(o => o.DisabledAt != null).Select(o => new { Subject = o.UserName, o.DisabledAt }).ToListAsync(cancel);
        return new RevokedCallers(clients.Concat(officers)
            .Select(r => new RevokedCaller(r.Subject, new DateTimeOffset(DateTime.SpecifyKind(r.DisabledAt!.Value, DateTimeKind.Utc))))
            .ToList());
    }
}
