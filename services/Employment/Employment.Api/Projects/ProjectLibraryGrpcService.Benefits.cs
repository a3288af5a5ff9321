using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Employment.V1;
using Platform.Employment.Access;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using BenefitKind = Platform.Employment.Projects.BenefitKind;
using IndustryProject = Platform.Employment.Projects.IndustryProject;
using ProjectStatus = Platform.Employment.Projects.ProjectStatus;

namespace Platform.Employment.Projects;

/// <summary>Benefit linkage (利益联结) and the projects to follow up (重争取、轻实施、缺管理).</summary>
public sealed partial class ProjectLibraryGrpcService
{
    [Allow(Roles.Recorders, "link households to projects")]
    public override async Task<LinkHouseholdResponse> LinkHousehold(LinkHouseholdRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var projectId = Ids.Require(request.ProjectId, violations, "project_id");
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var kind = ProjectMapping.FromProto<BenefitKind, Pa.Employment.V1.BenefitKind>(request.Kind)!.Value;
        violations.ThrowIfAny();

        var project = await VisibleProjectAsync(caller, projectId, context.CancellationToken);
        var household = await EmploymentAccess.VisibleHouseholdAsync(db, caller, householdId, context.CancellationToken);
        if (!project.InCounty(household.RegionCode))
        {
            throw RpcErrors.InvalidArgument("household_id", "a project links households of its own county only");
        }

        RpcErrors.ThrowIfRefused(ProjectLifecycle.LinkRefusal(project.Status));

        var now = time.GetUtcNow().UtcDateTime;
        var link = await db.Set<ProjectBenefitLink>()
            .FirstOrDefaultAsync(l => l.ProjectId == projectId && l.HouseholdId == householdId && l.Kind == kind, context.CancellationToken);
        if (link is null)
        {
            link = new ProjectBenefitLink
            {
                ProjectId = projectId, HouseholdId = householdId, Kind = kind, HouseholdRegionCode = household.RegionCode,
                LinkedBy = caller.Subject, LinkedAt = now,
            };
            db.Add(link);
        }

        link.AmountPerYearFen = request.AmountPerYear.Fen;
        link.LinkedBy = caller.Subject;
        link.LinkedAt = now;
        db.Audit(context, "projects.link-household", "Household", householdId);
        await db.SaveChangesAsync(context.CancellationToken);
        return new LinkHouseholdResponse { Link = link.ToMessage(project.Name) };
    }

    [Allow(Roles.Readers, "read project benefit links")]
    public override async Task<ListProjectLinksResponse> ListProjectLinks(ListProjectLinksRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var projectId = Ids.Require(request.ProjectId, violations, "project_id");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        violations.ThrowIfAny();

        var project = await VisibleProjectAsync(caller, projectId, context.CancellationToken);

        // A county project may link households of villages the (village) caller cannot see: those stay hidden.
        var query = db.Set<ProjectBenefitLink>().AsNoTracking().Where(l => l.ProjectId == projectId).InRegion(l => l.HouseholdRegionCode, caller.Region);
        var total = await query.CountAsync(context.CancellationToken);
        var all = (await query.ToListAsync(context.CancellationToken)).OrderBy(l => LinkKey(l), StringComparer.Ordinal).ToList();
        var rows = all.Where(l => page.After is null || string.CompareOrdinal(LinkKey(l), page.After) > 0).Take(page.Size + 1).ToList();

        db.Audit(context, "projects.links.read", nameof(IndustryProject), projectId);
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ListProjectLinksResponse { Page = Paging.Response(rows, page, total, LinkKey) };
        response.Links.AddRange(rows.Take(page.Size).Select(l => l.ToMessage(project.Name)));
        return response;
    }

    [Allow(Roles.Readers, "read a household's benefit links")]
    public override async Task<ListHouseholdLinksResponse> ListHouseholdLinks(ListHouseholdLinksRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var householdId = Ids.Require(request.HouseholdId, "household_id");

        await EmploymentAccess.VisibleHouseholdAsync(db, caller, householdId, context.CancellationToken);
        var links = await db.Set<ProjectBenefitLink>().AsNoTracking().Where(l => l.HouseholdId == householdId)
            .Join(db.Set<IndustryProject>(), l => l.ProjectId, p => p.Id, (l, p) => new { Link = l, p.Name })
            .ToListAsync(context.CancellationToken);

        db.Audit(context, "projects.household-links.read", "Household", householdId);
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ListHouseholdLinksResponse();
        response.Links.AddRange(links.OrderBy(l => l.Link.ProjectId).ThenBy(l => l.Link.Kind).Select(l => l.Link.ToMessage(l.Name)));
        return response;
    }

    [Allow(Roles.Readers, "list projects to follow up")]
    public override async Task<ListProjectConcernsResponse> ListProjectConcerns(ListProjectConcernsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");
        violations.ThrowIfAny();

        // ProjectConcerns.Of in SQL: built or running without any household linked, or stopped.
        var links = db.Set<ProjectBenefitLink>();
        var query = db.Set<IndustryProject>().AsNoTracking().InRegion(p => p.VillageCode, region).Where(p =>
            (p.Status == ProjectStatus.Stopped
                || ((p.Status == ProjectStatus.Completed || p.Status == ProjectStatus.Operating) && !links.Any(l => l.ProjectId == p.Id))));
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(p => after == null || p.Id.CompareTo(after.Value) > 0).OrderBy(p => p.Id).Take(page.Size + 1).ToListAsync(context.CancellationToken);

        var response = new ListProjectConcernsResponse { Page = Paging.Response(rows, page, total, p => p.Id.ToString()) };
        response.Concerns.AddRange(rows.Take(page.Size).Select(p => new ProjectConcern
        {
            ProjectId = p.Id.ToString(),
            Name = p.Name,
            VillageCode = p.VillageCode,
            Status = p.Status.ToProto(),
            Reason = ProjectConcerns.Of(p.Status, p.StopReason, linkedHouseholds: 0) ?? "",
        }));
        return response;
    }

    private static string LinkKey(ProjectBenefitLink l) => $"{l.HouseholdId:N}:{l.Kind}";
}
