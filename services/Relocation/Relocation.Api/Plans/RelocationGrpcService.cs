using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Relocation.V1;
using Platform.Persistence;
using Platform.Relocation.Access;
using Platform.Relocation.Data;
using Platform.Relocation.FollowUp;
using Platform.Relocation.Households;
using Platform.Relocation.Policy;
using Platform.Relocation.Sites;
using Platform.Security;
using Platform.ServiceDefaults;
using HousingUnit = Platform.Relocation.Sites.HousingUnit;
using Proto = Pa.Relocation.V1;
using Site = Platform.Relocation.Sites.Site;

namespace Platform.Relocation.Plans;

/// <summary>
/// 易地扶贫搬迁: the households awaiting a plan and the relocations of a region; planning is in
/// RelocationGrpcService.Planning.cs, the move-in and the reclamation in RelocationGrpcService.Progress.cs.
/// </summary>
public sealed partial class RelocationGrpcService(
    RelocationDbContext db, RelocationPolicy policy, RelocationMetrics metrics, FollowUpReconciler reconciler, TimeProvider time)
    : RelocationService.RelocationServiceBase
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    [Allow(Roles.Readers, "list households awaiting relocation")]
    public override async Task<ListAwaitingPlanResponse> ListAwaitingPlan(ListAwaitingPlanRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var query =
            from h in db.Households.AsNoTracking().InRegion(h => h.RegionCode, region)
            where h.Pathway.ToLower() == "relocation" && h.Status == HouseholdStatus.Registered
                && !db.Set<RelocationPlan>().Any(p => p.HouseholdId == h.Id)
            select new
            {
                h.Id,
                h.RegionCode,
                People = h.Members.Count(m => m.IsCurrent),
                Normal = h.Members.Count(m => m.IsCurrent && m.LabourCapacity == LabourCapacity.Normal),
                Weak = h.Members.Count(m => m.IsCurrent && m.LabourCapacity == LabourCapacity.Weak),
            };
        var total = await query.CountAsync(ct);
        var rows = await query.Where(h => after == null || h.Id.CompareTo(after.Value) > 0).OrderBy(h => h.Id).Take(page.Size + 1).ToListAsync(ct);
        var shown = rows.Take(page.Size).Select(h => h.Id).ToList();
        var cancelled = (await db.Set<PlanCancellation>().AsNoTracking().Where(c => shown.Contains(c.HouseholdId)).ToListAsync(ct))
            .ToLookup(c => c.HouseholdId);
        db.Audit(context, "relocation.candidates.list", "Region", region.Value);
        await db.SaveChangesAsync(ct);
        var response = new ListAwaitingPlanResponse { Page = Paging.Response(rows, page, total, h => h.Id.ToString()) };
        response.Households.AddRange(rows.Take(page.Size).Select(h => new AwaitingHousehold
        {
            HouseholdId = h.Id.ToString(),
            RegionCode = h.RegionCode,
            People = h.People,
            Labour = new LabourSummary { Normal = h.Normal, Weak = h.Weak, None = h.People - h.Normal - h.Weak },
            CancelledPlans = { cancelled[h.Id].OrderByDescending(c => c.CancelledAt).Select(c => c.ToMessage()) },
        }));
        return response;
    }

    [Allow(Roles.Readers, "read relocations")]
    public override async Task<GetRelocationResponse> GetRelocation(GetRelocationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var householdId = Ids.Require(request.HouseholdId, "household_id");

        var ct = context.CancellationToken;
        var plan = await RelocationAccess.VisiblePlanAsync(db, caller, householdId, ct);
        db.Audit(context, "relocation.plan.read", nameof(RelocationPlan), householdId);
        await db.SaveChangesAsync(ct);
        return new GetRelocationResponse { Relocation = await MessageAsync(plan, ct) };
    }

    [Allow(Roles.Readers, "list relocations")]
    public override async Task<ListRelocationsResponse> ListRelocations(ListRelocationsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var query = db.Set<RelocationPlan>().AsNoTracking();
        query = request.Side switch
        {
            RelocationSide.Origin => query.InRegion(p => p.OriginRegionCode, region),
            RelocationSide.Destination => query.InRegion(p => p.SiteRegionCode, region),
            _ => query.FromOrToRegion(region),
        };
        if (request.Stage != Proto.RelocationStage.Unspecified)
        {
            var stage = (RelocationStage)(int)request.Stage;
            query = query.Where(p => p.Stage == stage);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.Where(p => after == null || p.HouseholdId.CompareTo(after.Value) > 0).OrderBy(p => p.HouseholdId).Take(page.Size + 1)
            .Select(p => new
            {
                Plan = p,
                Site = db.Set<Site>().Where(s => s.Id == p.SiteId).Select(s => s.Name).FirstOrDefault(),
                Unit = db.Set<HousingUnit>().Where(u => u.Id == p.UnitId).Select(u => u.Number).FirstOrDefault(),
            })
            .ToListAsync(ct);
        db.Audit(context, "relocation.plans.list", "Region", region.Value);
        await db.SaveChangesAsync(ct);
        var response = new ListRelocationsResponse { Page = Paging.Response(rows, page, total, r => r.Plan.HouseholdId.ToString()) };
        response.Relocations.AddRange(rows.Take(page.Size).Select(r => r.Plan.ToMessage(r.Site ?? "", r.Unit ?? "")));
        return response;
    }

    /// <summary>The plan with its site's name and its unit's number.</summary>
    private async Task<Proto.Relocation> MessageAsync(RelocationPlan plan, CancellationToken ct)
    {
        var site = await db.Set<Site>().AsNoTracking().Where(s => s.Id == plan.SiteId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        var unit = await db.Set<HousingUnit>().AsNoTracking().Where(u => u.Id == plan.UnitId).Select(u => u.Number).FirstOrDefaultAsync(ct);
        return plan.ToMessage(site ?? "", unit ?? "");
    }
}
