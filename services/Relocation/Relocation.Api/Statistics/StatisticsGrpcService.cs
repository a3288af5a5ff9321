using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;
using Platform.Relocation.Access;
using Platform.Relocation.Data;
using Platform.Relocation.FollowUp;
using Platform.Relocation.Plans;
using Platform.Relocation.Policy;
using Platform.Relocation.Sites;
using Platform.Security;
using Platform.ServiceDefaults;
using V1 = Pa.Relocation.V1;

namespace Platform.Relocation.Statistics;

/// <summary>
/// Figures per site and per region (搬得出、稳得住、能致富); the unexited relocated households
/// ("搬迁一户、脱贫一户") in the partial file. Readers only; every read is audited.
/// </summary>
public sealed partial class StatisticsGrpcService(RelocationDbContext db, RelocationPolicy policy, TimeProvider time)
    : V1.StatisticsService.StatisticsServiceBase
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [Allow(Roles.Readers, "read site statistics")]
    public override async Task<V1.GetSiteStatisticsResponse> GetSiteStatistics(V1.GetSiteStatisticsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var siteId = Ids.Require(request.SiteId, "site_id");

        var ct = context.CancellationToken;
        var site = await RelocationAccess.VisibleSiteAsync(db, caller, siteId, ct);
        var rows = await SiteRowsAsync([site.Id], ct);
        db.Audit(context, "relocation.statistics.site.read", nameof(Site), site.Id);
        await db.SaveChangesAsync(ct);
        return new V1.GetSiteStatisticsResponse { Statistics = rows.Single().ToMessage() };
    }

    [Allow(Roles.Readers, "read region statistics")]
    public override async Task<V1.GetRegionStatisticsResponse> GetRegionStatistics(V1.GetRegionStatisticsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");

        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var siteIds = await db.Set<Site>().AsNoTracking().InRegion(s => s.RegionCode, region).Select(s => s.Id).ToListAsync(ct);
        // The totals need every site's figures; the rows are a page of them, by site id.
        var rows = (await SiteRowsAsync(siteIds, ct)).OrderBy(r => r.Site.Id).ToList();
        var pageRows = rows.Where(r => after == null || r.Site.Id.CompareTo(after.Value) > 0).Take(page.Size + 1).ToList();
        db.Audit(context, "relocation.statistics.region.read", "Region", region.Value);
        await db.SaveChangesAsync(ct);

        var response = new V1.GetRegionStatisticsResponse
        {
            RegionCode = region.Value,
            Sites = rows.Count,
            Figures = RelocationFigures.Sum(rows.Select(r => r.Figures)).ToMessage(),
            SitesWithStandardsGaps = rows.Count(r => r.StandardsGaps.Count > 0),
            SitesWithoutLeadingIndustry = rows.Count(r => r.StandardsGaps.Contains(SiteStandards.NoLeadingIndustry)),
            Page = Paging.Response(pageRows, page, rows.Count, r => r.Site.Id.ToString()),
        };
        response.SiteRows.AddRange(pageRows.Take(page.Size).Select(r => r.ToMessage()));
        return response;
    }

    /// <summary>The figures of each of the sites, from its plans' follow-up snapshots, open cases and industry links.</summary>
    private async Task<List<SiteRow>> SiteRowsAsync(IReadOnlyCollection<Guid> siteIds, CancellationToken ct)
    {
        var sites = await db.Set<Site>().AsNoTracking().Include(s => s.Industries).Where(s => siteIds.Contains(s.Id)).ToListAsync(ct);
        var plans = (await db.Set<RelocationPlan>().AsNoTracking().Where(p => siteIds.Contains(p.SiteId))
            .Select(p => new { p.SiteId, Facts = new PlanFacts(p.Stage, p.People, p.MembersSeekingWork, p.MembersEmployed, p.IsZeroEmployment) })
            .ToListAsync(ct)).ToLookup(p => p.SiteId, p => p.Facts);
        var openCases = (await db.Set<FollowUpCase>().AsNoTracking().Where(c => siteIds.Contains(c.SiteId) && c.ClosedAt == null)
            .Select(c => new { c.SiteId, Unassigned = c.AssignedTo == null }).ToListAsync(ct)).ToLookup(c => c.SiteId);
        var links = (await (
            from l in db.Set<IndustryLink>().AsNoTracking()
            join i in db.Set<SiteIndustry>().AsNoTracking() on l.IndustryId equals i.Id
            where siteIds.Contains(i.SiteId)
            select new { i.SiteId, l.IndustryId, l.HouseholdId }).ToListAsync(ct)).ToLookup(l => l.SiteId);

        return sites.Select(site =>
        {
            var siteLinks = links[site.Id].ToList();
            var figures = RelocationFigures.Of(plans[site.Id].ToList(), openCases[site.Id].Count(), openCases[site.Id].Count(c => c.Unassigned),
                siteLinks.Select(l => l.HouseholdId).Distinct().Count());
            var industries = site.Industries.OrderBy(i => i.Name, StringComparer.Ordinal)
                .Select(i => new IndustryRow(i.Id, i.Name, siteLinks.Count(l => l.IndustryId == i.Id))).ToList();
            return new SiteRow(site, figures, industries, SiteStandards.Gaps(site.Services, site.Industries.Count));
        }).ToList();
    }
}
