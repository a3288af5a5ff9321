using Microsoft.EntityFrameworkCore;
using Platform.Relocation.Data;
using Platform.Relocation.Plans;

namespace Platform.Relocation.Sites;

/// <summary>
/// What sites hold: every plan at a site counts with its people, whether the household is still to
/// move or already lives there, so capacity is never promised twice.
/// </summary>
public static class SiteOccupancies
{
    public static async Task<SiteOccupancy> OfAsync(RelocationDbContext db, Guid siteId, CancellationToken ct)
    {
        var all = await OfAsync(db, [siteId], ct);
        return all.GetValueOrDefault(siteId);
    }

    public static async Task<Dictionary<Guid, SiteOccupancy>> OfAsync(RelocationDbContext db, IReadOnlyCollection<Guid> siteIds, CancellationToken ct)
    {
        var rows = await db.Set<RelocationPlan>().AsNoTracking().Where(p => siteIds.Contains(p.SiteId))
            .GroupBy(p => p.SiteId)
            .Select(g => new { SiteId = g.Key, Households = g.Count(), People = g.Sum(p => p.People) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.SiteId, r => new SiteOccupancy(r.Households, r.People));
    }
}
