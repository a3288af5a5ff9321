using Microsoft.EntityFrameworkCore;
using Platform.Relocation.Data;
using Platform.Relocation.Plans;
using Platform.Relocation.Sites;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Relocation.Access;

/// <summary>
/// Who may read and manage what. A site belongs to the county its region lies in. A relocation
/// record is read by officers covering either the origin village or the destination site (the two
/// counties may differ); only officers covering the destination manage the follow-up.
/// </summary>
public static class RelocationAccess
{
    public static bool CanRead(Caller caller, RelocationPlan plan) =>
        caller.CanSee(RegionCode.Parse(plan.OriginRegionCode)) || caller.CanSee(RegionCode.Parse(plan.SiteRegionCode));

    public static bool Manages(Caller caller, RelocationPlan plan) => caller.CanSee(RegionCode.Parse(plan.SiteRegionCode));

    /// <summary>The household's plan when the caller covers its origin or destination; otherwise NotFound.</summary>
    public static async Task<RelocationPlan> VisiblePlanAsync(RelocationDbContext db, Caller caller, Guid householdId, CancellationToken ct)
    {
        var plan = await db.Set<RelocationPlan>().FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct);
        if (plan is null || !CanRead(caller, plan))
        {
            throw RpcErrors.NotFound($"Relocation of household {householdId}");
        }

        return plan;
    }

    /// <summary>
    /// The household's plan for a follow-up change: NotFound when the caller cannot read it,
    /// PermissionDenied when the caller covers only the origin.
    /// </summary>
    public static async Task<RelocationPlan> ManagedPlanAsync(RelocationDbContext db, Caller caller, Guid householdId, CancellationToken ct)
    {
        var plan = await VisiblePlanAsync(db, caller, householdId, ct);
        if (!Manages(caller, plan))
        {
            throw RpcErrors.PermissionDenied("Only officers of the destination site's region manage a relocated household's follow-up.");
        }

        return plan;
    }

    /// <summary>The site when the caller's region covers it; otherwise NotFound.</summary>
    public static async Task<Site> VisibleSiteAsync(RelocationDbContext db, Caller caller, Guid siteId, CancellationToken ct)
    {
        var site = await db.Set<Site>().FirstOrDefaultAsync(s => s.Id == siteId, ct);
        return RegionAccess.Visible(caller, site, x => x.RegionCode, $"Site {siteId}");
    }
}
