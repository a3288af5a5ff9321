using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Relocation.V1;
using Platform.Persistence;
using Platform.Relocation.Access;
using Platform.Relocation.Data;
using Platform.Security;
using Platform.ServiceDefaults;
using Proto = Pa.Relocation.V1;

namespace Platform.Relocation.Sites;

/// <summary>
/// 安置点: creating, reading and listing resettlement sites; the changes to a site (units, public
/// services, industries, case officer, capacity) are in SiteGrpcService.Changes.cs.
/// </summary>
public sealed partial class SiteGrpcService(RelocationDbContext db, TimeProvider time) : SiteService.SiteServiceBase
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Sites are built by counties: a county officer, or a city or provincial officer above them.</summary>
    [Allow(Roles.CountyOfficer | Roles.CityOfficer | Roles.ProvincialOfficer, "create resettlement sites")]
    public override async Task<CreateSiteResponse> CreateSite(CreateSiteRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var name = violations.NotBlank(request.Name, "name");
        // sites.proto checked the 12 digits; the code must also be a node of the region tree.
        var hasRegion = RegionCode.TryParse(request.RegionCode, out var region);
        violations.Check(hasRegion, "region_code", "must be a 12-digit region code");
        // A site belongs to the county it lies in, so its region names a county or a place within one.
        violations.Check(!hasRegion || region.Level >= RegionLevel.County, "region_code", "must name a county or a township or village within one");
        SiteValidation.Capacity(request.CapacityHouseholds, request.CapacityPeople, violations);
        var (officer, officerName) = SiteValidation.CaseOfficer(request.CaseOfficer, violations, "case_officer");
        violations.ThrowIfAny();
        if (!caller.CanSee(region))
        {
            throw RpcErrors.NotFound($"Region {request.RegionCode}");
        }

        var site = new Site
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            RegionCode = region.Value,
            Type = (SiteType)(int)request.Type,
            CapacityHouseholds = request.CapacityHouseholds,
            CapacityPeople = request.CapacityPeople,
            Services = request.PublicServices.ToEntity(),
            CaseOfficerSubject = officer,
            CaseOfficerName = officerName,
            CreatedAt = Now,
            CreatedBy = caller.Subject,
        };
        db.Add(site);
        db.Audit(context, "relocation.site.create", nameof(Site), site.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new CreateSiteResponse { Site = site.ToMessage(default) };
    }

    [Allow(Roles.Readers, "read resettlement sites")]
    public override async Task<GetSiteResponse> GetSite(GetSiteRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.SiteId, "site_id");

        var ct = context.CancellationToken;
        await RelocationAccess.VisibleSiteAsync(db, caller, id, ct);
        // Units name the households living in them.
        db.Audit(context, "relocation.site.read", nameof(Site), id);
        await db.SaveChangesAsync(ct);
        return new GetSiteResponse { Site = await SiteMessageAsync(id, ct) };
    }

    [Allow(Roles.Readers, "list resettlement sites")]
    public override async Task<ListSitesResponse> ListSites(ListSitesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");

        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var query = db.Set<Site>().AsNoTracking().InRegion(s => s.RegionCode, region);
        query = request.Filter switch
        {
            SiteFilter.WithoutLeadingIndustry => query.Where(s => !s.Industries.Any()),
            SiteFilter.BelowStandard => query.Where(s => !s.Industries.Any() || !s.Services.School || !s.Services.Clinic
                || !s.Services.CommunityServiceCentre || !s.Services.EmploymentServiceStation),
            _ => query,
        };

        var total = await query.CountAsync(ct);
        var rows = await query.Where(s => after == null || s.Id.CompareTo(after.Value) > 0).OrderBy(s => s.Id).Take(page.Size + 1)
            .Select(s => new { Site = s, Units = s.Units.Count, Industries = s.Industries.Count })
            .ToListAsync(ct);
        var shown = rows.Take(page.Size).ToList();
        var occupancy = await SiteOccupancies.OfAsync(db, shown.Select(r => r.Site.Id).ToList(), ct);
        var response = new ListSitesResponse { Page = Paging.Response(rows, page, total, r => r.Site.Id.ToString()) };
        response.Sites.AddRange(shown.Select(r =>
        {
            var summary = new SiteSummary
            {
                SiteId = r.Site.Id.ToString(),
                Name = r.Site.Name,
                RegionCode = r.Site.RegionCode,
                Type = (Proto.SiteType)r.Site.Type,
                CapacityHouseholds = r.Site.CapacityHouseholds,
                CapacityPeople = r.Site.CapacityPeople,
                Occupancy = occupancy.GetValueOrDefault(r.Site.Id).ToMessage(),
                Units = r.Units,
                LeadingIndustries = r.Industries,
            };
            summary.StandardGaps.AddRange(SiteStandards.Gaps(r.Site.Services, r.Industries));
            return summary;
        }));
        return response;
    }

    /// <summary>The site as saved, with its units, industries and occupancy.</summary>
    private async Task<Proto.Site> SiteMessageAsync(Guid id, CancellationToken ct)
    {
        var site = await db.Set<Site>().AsNoTracking().Include(s => s.Units).Include(s => s.Industries).AsSplitQuery().FirstAsync(s => s.Id == id, ct);
        return site.ToMessage(await SiteOccupancies.OfAsync(db, id, ct));
    }
}
