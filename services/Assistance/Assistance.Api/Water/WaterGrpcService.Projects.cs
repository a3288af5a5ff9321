using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Policy;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Water;

/// <summary>
/// Water projects. A project is built in a village inside the caller's region and may serve
/// households anywhere in that village's county (a centralised supply or pipe extension usually
/// reaches several villages), but only households the caller can see.
/// </summary>
public sealed partial class WaterGrpcService
{
    [Allow(Roles.Recorders, "create water projects")]
    public override async Task<CreateWaterProjectResponse> CreateWaterProject(CreateWaterProjectRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        violations.NotBlank(request.Name, "name");
        var villageValid = RegionCode.TryParse(request.VillageCode, out var village) && village.Level == RegionLevel.Village;
        violations.Check(villageValid, "village_code", "must be the 12-digit code of a village");
        violations.ThrowIfAny();

        if (!caller.CanSee(village))
        {
            throw RpcErrors.NotFound($"Village {village.Value}");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var project = new WaterProject
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name.Trim(),
            Kind = WaterMapping.FromProto<WaterProjectKind, Pa.Assistance.V1.WaterProjectKind>(request.Kind)!.Value,
            VillageCode = village.Value,
            BudgetFen = request.Budget.Fen,
            Status = WaterProjectStatus.Planned,
            Fixes = request.Fixes.Select(f => WaterMapping.FromProto<WaterDimension, Pa.Assistance.V1.WaterDimension>(f)!.Value).Distinct().ToList(),
            CreatedBy = caller.Subject,
            CreatedAt = now,
        };
        db.Add(project);
        db.Audit(context, "water.project.create", nameof(WaterProject), project.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new CreateWaterProjectResponse { Project = project.ToMessage(0) };
    }

    [Allow(Roles.Recorders, "add households to water projects")]
    public override async Task<AddProjectHouseholdsResponse> AddProjectHouseholds(AddProjectHouseholdsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var projectId = Ids.Require(request.ProjectId, violations, "project_id");
        var ids = new List<Guid>();
        foreach (var text in request.HouseholdIds)
        {
            var id = Ids.Require(text, violations, "household_ids");
            if (id != Guid.Empty)
            {
                ids.Add(id);
            }
        }

        violations.ThrowIfAny();
        ids = ids.Distinct().ToList();

        var project = await VisibleProjectAsync(caller, projectId, context.CancellationToken);
        RpcErrors.ThrowIfRefused(WaterProjectLifecycle.WhyNoHouseholds(project.Status));

        var households = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, context.CancellationToken);
        var missing = ids.FirstOrDefault(id => !households.TryGetValue(id, out var h) || !caller.CanSee(RegionCode.Parse(h.RegionCode)));
        if (missing != Guid.Empty)
        {
            throw RpcErrors.NotFound($"Household {missing}");
        }

        var county = RegionCode.Parse(project.VillageCode).AncestorAt(RegionLevel.County)!.Value;
        var outside = households.Values.Where(h => !county.Covers(RegionCode.Parse(h.RegionCode))).Select(h => h.Id.ToString()).ToList();
        if (outside.Count > 0)
        {
            throw RpcErrors.InvalidArgument("household_ids", $"a project serves households of its own county only; not: {string.Join(", ", outside)}");
        }

        var served = await db.Set<WaterProjectHousehold>().Where(s => s.ProjectId == projectId && ids.Contains(s.HouseholdId))
            .Select(s => s.HouseholdId).ToListAsync(context.CancellationToken);
        var added = ids.Except(served).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var id in added)
        {
            db.Add(new WaterProjectHousehold { ProjectId = projectId, HouseholdId = id, RegionCode = households[id].RegionCode, AddedBy = caller.Subject, AddedAt = now });
            db.Audit(context, "water.project.add-household", "Household", id);
        }

        await db.SaveAndReassessAsync(assessor, added, context.CancellationToken);
        return new AddProjectHouseholdsResponse { Project = project.ToMessage(await ServedCountAsync(projectId, context.CancellationToken)), HouseholdsAdded = added.Count };
    }

    [Allow(Roles.Recorders, "advance water projects")]
    public override async Task<AdvanceWaterProjectResponse> AdvanceWaterProject(AdvanceWaterProjectRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var projectId = Ids.Require(request.ProjectId, "project_id");
        var to = WaterMapping.FromProto<WaterProjectStatus, Pa.Assistance.V1.WaterProjectStatus>(request.Status)!.Value;

        var project = await VisibleProjectAsync(caller, projectId, context.CancellationToken);
        var served = await db.Set<WaterProjectHousehold>().Where(s => s.ProjectId == projectId).ToListAsync(context.CancellationToken);
        RpcErrors.ThrowIfRefused(WaterProjectLifecycle.CannotAdvance(project.Status, to, served.Count), "The project cannot move on");

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        project.Status = to;
        var duties = 0;
        if (to == WaterProjectStatus.UnderConstruction)
        {
            project.StartedOn = today;
        }
        else
        {
            project.CompletedOn = today;
            project.CompletedAt = now;
            foreach (var s in served)
            {
                db.Add(new WaterReassessmentDuty { Id = Guid.CreateVersion7(), ProjectId = projectId, HouseholdId = s.HouseholdId, RegionCode = s.RegionCode, CompletedOn = today, CompletedAt = now });
                duties++;
            }
        }

        db.Audit(context, $"water.project.{to.ToString().ToLowerInvariant()}", nameof(WaterProject), projectId);
        await db.SaveAndReassessAsync(assessor, served.Select(s => s.HouseholdId).ToList(), context.CancellationToken);
        return new AdvanceWaterProjectResponse { Project = project.ToMessage(served.Count), ReassessmentsDue = duties };
    }

    [Allow(Roles.Readers, "list water projects")]
    public override async Task<ListWaterProjectsResponse> ListWaterProjects(ListWaterProjectsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var status = WaterMapping.FromProto<WaterProjectStatus, Pa.Assistance.V1.WaterProjectStatus>(request.Status);
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");
        violations.ThrowIfAny();
        var query = db.Set<WaterProject>().AsNoTracking().InRegion(p => p.VillageCode, region).Where(p => status == null || p.Status == status);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(p => after == null || p.Id.CompareTo(after.Value) > 0).OrderBy(p => p.Id).Take(page.Size + 1).ToListAsync(context.CancellationToken);
        var shownIds = rows.Take(page.Size).Select(p => p.Id).ToList();
        var counts = await db.Set<WaterProjectHousehold>().Where(s => shownIds.Contains(s.ProjectId)).GroupBy(s => s.ProjectId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, context.CancellationToken);

        var response = new ListWaterProjectsResponse { Page = Paging.Response(rows, page, total, p => p.Id.ToString()) };
        response.Projects.AddRange(rows.Take(page.Size).Select(p => p.ToMessage(counts.GetValueOrDefault(p.Id))));
        return response;
    }

    [Allow(Roles.Readers, "list water re-assessments due")]
    public override async Task<ListReassessmentsDueResponse> ListReassessmentsDue(ListReassessmentsDueRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");
        violations.ThrowIfAny();

        // WaterProjectLifecycle.ReassessmentDue in SQL: no assessment made on or after completion day and recorded after completion.
        var assessments = db.Set<WaterAssessment>();
        var query = db.Set<WaterReassessmentDuty>().AsNoTracking().InRegion(d => d.RegionCode, region)
            .Where(d => !assessments.Any(a => a.HouseholdId == d.HouseholdId && a.AssessedOn >= d.CompletedOn && a.RecordedAt > d.CompletedAt));
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(d => after == null || d.Id.CompareTo(after.Value) > 0).OrderBy(d => d.Id).Take(page.Size + 1)
            .Join(db.Set<WaterProject>(), d => d.ProjectId, p => p.Id, (d, p) => new { Duty = d, p.Name })
            .ToListAsync(context.CancellationToken);

        db.Audit(context, "water.reassessment.list", "Region", region.Value);
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ListReassessmentsDueResponse { Page = Paging.Response(rows, page, total, r => r.Duty.Id.ToString()) };
        response.Reassessments.AddRange(rows.Take(page.Size).Select(r => new WaterReassessmentDue
        {
            HouseholdId = r.Duty.HouseholdId.ToString(),
            RegionCode = r.Duty.RegionCode,
            ProjectId = r.Duty.ProjectId.ToString(),
            ProjectName = r.Name,
            CompletedOn = r.Duty.CompletedOn.ToProto(),
        }));
        return response;
    }

    /// <summary>The project when the caller's region covers its village; otherwise NotFound, so another county cannot learn of it.</summary>
    private async Task<WaterProject> VisibleProjectAsync(Caller caller, Guid projectId, CancellationToken ct)
    {
        var project = await db.Set<WaterProject>().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        return RegionAccess.Visible(caller, project, x => x.VillageCode, $"Water project {projectId}");
    }

    private Task<int> ServedCountAsync(Guid projectId, CancellationToken ct) => db.Set<WaterProjectHousehold>().CountAsync(s => s.ProjectId == projectId, ct);
}
