using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;
using Platform.Relocation.Households;
using Platform.Relocation.Plans;
using Platform.ServiceDefaults;
using V1 = Pa.Relocation.V1;

namespace Platform.Relocation.Statistics;

/// <summary>
/// "搬迁一户、脱贫一户": moved-in relocated households whose registry status is not exited, by
/// destination (default) or origin region, each with what still keeps it from exiting.
/// </summary>
public sealed partial class StatisticsGrpcService
{
    [Allow(Roles.Readers, "list unexited relocated households")]
    public override async Task<V1.ListUnexitedRelocatedResponse> ListUnexitedRelocated(V1.ListUnexitedRelocatedRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        violations.Check(Enum.IsDefined(request.Side), "side", "must be one of the listed values");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");

        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var plans = db.Set<RelocationPlan>().AsNoTracking().Where(p => p.Stage != RelocationStage.Planned);
        plans = request.Side == V1.RelocationSide.Origin
            ? plans.InRegion(p => p.OriginRegionCode, region)
            : plans.InRegion(p => p.SiteRegionCode, region);
        var query =
            from p in plans
            join h in db.Households.AsNoTracking() on p.HouseholdId equals h.Id
            where h.Status != HouseholdStatus.Exited
            select new { Plan = p, Household = h };

        var total = await query.CountAsync(ct);
        var rows = await query.Where(r => after == null || r.Plan.HouseholdId.CompareTo(after.Value) > 0)
            .OrderBy(r => r.Plan.HouseholdId).Take(page.Size + 1).ToListAsync(ct);
        db.Audit(context, "relocation.statistics.unexited.list", "Region", region.Value);
        await db.SaveChangesAsync(ct);

        var response = new V1.ListUnexitedRelocatedResponse { Page = Paging.Response(rows, page, total, r => r.Plan.HouseholdId.ToString()) };
        foreach (var row in rows.Take(page.Size))
        {
            var household = new V1.UnexitedHousehold
            {
                HouseholdId = row.Plan.HouseholdId.ToString(),
                OriginRegionCode = row.Plan.OriginRegionCode,
                SiteId = row.Plan.SiteId.ToString(),
                SiteRegionCode = row.Plan.SiteRegionCode,
                MovedInOn = row.Plan.MovedInOn?.ToProto(),
                RegistryStatus = row.Household.Status.ToString(),
            };
            household.Gaps.AddRange(ExitGaps.Of(row.Household, row.Plan.IsZeroEmployment, year => policy.For(year).PovertyLineFen).Select(g => g.ToMessage()));
            response.Households.Add(household);
        }

        return response;
    }
}
