using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Employment.V1;
using Platform.Employment.Data;
using Platform.Employment.Policy;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using IndustryProject = Platform.Employment.Projects.IndustryProject;
using ProjectStatus = Platform.Employment.Projects.ProjectStatus;
using ProjectType = Platform.Employment.Projects.ProjectType;

namespace Platform.Employment.Projects;

/// <summary>
/// The project library's workflow (项目库): proposal, county decision, implementation, acceptance,
/// operation and dynamic adjustment. Funding and benefit linkage are in the other parts.
/// </summary>
public sealed partial class ProjectLibraryGrpcService(EmploymentDbContext db, EmploymentPolicy policy, TimeProvider time)
    : ProjectLibraryService.ProjectLibraryServiceBase
{

    [Allow(Roles.VillageOfficer, "propose industry projects")]
    public override async Task<ProposeProjectResponse> ProposeProject(ProposeProjectRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var villageText = string.IsNullOrEmpty(request.VillageCode) ? caller.Region.Value : request.VillageCode;
        var villageValid = RegionCode.TryParse(villageText, out var village) && village.Level == RegionLevel.Village;
        violations.Check(villageValid, "village_code", "must be the 12-digit code of a village");
        var name = ProjectValidation.Text(request.Name, required: true, violations, "name");
        var funding = ProjectValidation.Funding(request.Funding, violations);
        violations.ThrowIfAny();

        if (!caller.CanSee(village))
        {
            throw RpcErrors.NotFound($"Village {village.Value}");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var project = new IndustryProject
        {
            Id = Guid.CreateVersion7(),
            VillageCode = village.Value,
            Name = name,
            Type = ProjectMapping.FromProto<ProjectType, Pa.Employment.V1.ProjectType>(request.Type)!.Value,
            Status = ProjectStatus.Proposed,
            Funding = funding,
            ProposedBudgetFen = ProjectValidation.Total(funding),
            ProposedAt = now,
            ProposedBy = caller.Subject,
            StatusChangedAt = now,
        };
        db.Add(project);
        db.Audit(context, $"projects.{"propose"}", nameof(IndustryProject), project.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new ProposeProjectResponse { Project = project.ToMessage(0) };
    }

    [Allow(Roles.CountyOfficer, "approve industry projects")]
    public override async Task<ApproveProjectResponse> ApproveProject(ApproveProjectRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.ProjectId, "project_id");

        var project = await VisibleProjectAsync(caller, id, context.CancellationToken);
        Move(project, ProjectStep.Approve);
        if (request.ApprovedBudget.Fen > project.ProposedBudgetFen)
        {
            throw RpcErrors.InvalidArgument("approved_budget", $"must not exceed the proposed budget of {project.ProposedBudgetFen} fen; re-plan the project first");
        }

        var now = time.GetUtcNow().UtcDateTime;
        project.ApprovedBudgetFen = request.ApprovedBudget.Fen;
        project.ApprovedAt = now;
        project.DecidedBy = caller.Subject;
        return new ApproveProjectResponse { Project = await SaveAsync(caller, "approve", project, context, now) };
    }

    [Allow(Roles.CountyOfficer, "reject industry projects")]
    public override async Task<RejectProjectResponse> RejectProject(RejectProjectRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.ProjectId, violations, "project_id");
        var reason = ProjectValidation.Text(request.Reason, required: true, violations, "reason");
        violations.ThrowIfAny();

        var project = await VisibleProjectAsync(caller, id, context.CancellationToken);
        Move(project, ProjectStep.Reject);
        var now = time.GetUtcNow().UtcDateTime;
        project.RejectionReason = reason;
        project.DecidedBy = caller.Subject;
        return new RejectProjectResponse { Project = await SaveAsync(caller, "reject", project, context, now) };
    }

    [Allow(Roles.Recorders, "start implementation of industry projects")]
    public override async Task<StartImplementationResponse> StartImplementation(StartImplementationRequest request, ServerCallContext context) =>
        new() { Project = await StepAsync(request.ProjectId, ProjectStep.StartImplementation, "start-implementation", context) };

    [Allow(Roles.Recorders, "start operation of industry projects")]
    public override async Task<StartOperationResponse> StartOperation(StartOperationRequest request, ServerCallContext context) =>
        new() { Project = await StepAsync(request.ProjectId, ProjectStep.StartOperation, "start-operation", context) };

    [Allow(Roles.Recorders, "stop industry projects")]
    public override async Task<StopOperationResponse> StopOperation(StopOperationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.ProjectId, violations, "project_id");
        var reason = ProjectValidation.Text(request.Reason, required: true, violations, "reason");
        violations.ThrowIfAny();

        var project = await VisibleProjectAsync(caller, id, context.CancellationToken);
        Move(project, ProjectStep.StopOperation);
        project.StopReason = reason;
        return new StopOperationResponse { Project = await SaveAsync(caller, "stop-operation", project, context, time.GetUtcNow().UtcDateTime) };
    }

    [Allow(Roles.Recorders, "record completion acceptances")]
    public override async Task<RecordCompletionAcceptanceResponse> RecordCompletionAcceptance(RecordCompletionAcceptanceRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.ProjectId, violations, "project_id");
        var inspector = ProjectValidation.Text(request.Inspector, required: true, violations, "inspector");
        var findings = ProjectValidation.Text(request.Findings, required: false, violations, "findings");
        var now = time.GetUtcNow().UtcDateTime;
        var inspectedOn = ProjectValidation.NotInFuture(request.InspectedOn, DateOnly.FromDateTime(now), violations, "inspected_on");
        violations.ThrowIfAny();

        var project = await VisibleProjectAsync(caller, id, context.CancellationToken);
        if (ProjectLifecycle.AcceptanceRefusal(project.Status, request.Passed, project.ProgressPercent) is { } why)
        {
            throw RpcErrors.FailedPrecondition($"The acceptance cannot be recorded: {why}.");
        }

        Move(project, request.Passed ? ProjectStep.PassAcceptance : ProjectStep.FailAcceptance);
        db.Add(new ProjectAcceptance
        {
            Id = Guid.CreateVersion7(),
            ProjectId = id,
            Passed = request.Passed,
            Inspector = inspector,
            InspectedOn = inspectedOn,
            Findings = findings,
            RecordedBy = caller.Subject,
            RecordedAt = now,
        });
        await SaveAsync(caller, request.Passed ? "acceptance-passed" : "acceptance-failed", project, context, now);
        return new RecordCompletionAcceptanceResponse { Project = await DetailsAsync(project, context.CancellationToken) };
    }

    [Allow(Roles.Recorders, "re-plan industry projects")]
    public override async Task<ReplanProjectResponse> ReplanProject(ReplanProjectRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.ProjectId, violations, "project_id");
        var what = ProjectValidation.Text(request.What, required: true, violations, "what");
        var why = ProjectValidation.Text(request.Why, required: true, violations, "why");
        var funding = ProjectValidation.Funding(request.Funding, violations);
        violations.ThrowIfAny();

        var project = await VisibleProjectAsync(caller, id, context.CancellationToken);
        Move(project, ProjectStep.Replan);
        var approved = project.Status != ProjectStatus.Proposed;

        // After approval a new budget is the county's decision: it becomes the approved budget.
        if (approved && caller.Role != PlatformRoles.CountyOfficer)
        {
            throw RpcErrors.PermissionDenied($"The role {caller.Role} may not re-plan an approved project; the county decides.");
        }

        var total = ProjectValidation.Total(funding);
        if (approved && total < project.DisbursedFen)
        {
            throw RpcErrors.InvalidArgument("funding", $"the new budget of {total} fen is below the {project.DisbursedFen} fen already disbursed");
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.Add(new ProjectAdjustment
        {
            Id = Guid.CreateVersion7(),
            ProjectId = id,
            What = what,
            Why = why,
            AdjustedBy = caller.Subject,
            AdjustedAt = now,
            OldBudgetFen = approved ? project.ApprovedBudgetFen : project.ProposedBudgetFen,
            NewBudgetFen = total,
            StatusAtAdjustment = project.Status,
        });
        project.Funding.Clear();
        project.Funding.AddRange(funding);
        project.ProposedBudgetFen = total;
        if (approved)
        {
            project.ApprovedBudgetFen = total;
        }

        await SaveAsync(caller, "replan", project, context, now);
        return new ReplanProjectResponse { Project = await DetailsAsync(project, context.CancellationToken) };
    }

    [Allow(Roles.Readers, "read industry projects")]
    public override async Task<GetProjectResponse> GetProject(GetProjectRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.ProjectId, "project_id");

        var project = await VisibleProjectAsync(caller, id, context.CancellationToken);
        return new GetProjectResponse { Project = await DetailsAsync(project, context.CancellationToken) };
    }

    [Allow(Roles.Readers, "list industry projects")]
    public override async Task<ListProjectsResponse> ListProjects(ListProjectsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var status = ProjectMapping.FromProto<ProjectStatus, Pa.Employment.V1.ProjectStatus>(request.Status);
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");
        violations.ThrowIfAny();

        var query = db.Set<IndustryProject>().AsNoTracking().InRegion(p => p.VillageCode, region).Where(p => status == null || p.Status == status);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(p => after == null || p.Id.CompareTo(after.Value) > 0).OrderBy(p => p.Id).Take(page.Size + 1).ToListAsync(context.CancellationToken);
        var counts = await LinkedCountsAsync(rows.Take(page.Size).Select(p => p.Id).ToList(), context.CancellationToken);

        var response = new ListProjectsResponse { Page = Paging.Response(rows, page, total, p => p.Id.ToString()) };
        response.Projects.AddRange(rows.Take(page.Size).Select(p => p.ToMessage(counts.GetValueOrDefault(p.Id))));
        return response;
    }

    /// <summary>A step that needs only the project id: officers whose region covers the project.</summary>
    private async Task<Pa.Employment.V1.IndustryProject> StepAsync(string projectId, ProjectStep step, string action, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(projectId, "project_id");

        var project = await VisibleProjectAsync(caller, id, context.CancellationToken);
        Move(project, step);
        return await SaveAsync(caller, action, project, context, time.GetUtcNow().UtcDateTime);
    }

    private void Move(IndustryProject project, ProjectStep step)
    {
        if (ProjectLifecycle.Refusal(project.Status, step) is { } why)
        {
            throw RpcErrors.FailedPrecondition($"Project {project.Id}: {why}.");
        }

        var next = ProjectLifecycle.Next(project.Status, step)!.Value;
        if (next != project.Status)
        {
            project.Status = next;
            project.StatusChangedAt = time.GetUtcNow().UtcDateTime;
        }
    }

    /// <summary>Audits and saves; a concurrent change of progress or payments is Aborted, so the caller reads again.</summary>
    private async Task<Pa.Employment.V1.IndustryProject> SaveAsync(Caller caller, string action, IndustryProject project, ServerCallContext context, DateTime now)
    {
        db.Audit(context, $"projects.{action}", nameof(IndustryProject), project.Id);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw RpcErrors.Aborted($"Project {project.Id} was changed by someone else; read it again and retry.");
        }

        return project.ToMessage(await db.Set<ProjectBenefitLink>().Where(l => l.ProjectId == project.Id).Select(l => l.HouseholdId).Distinct().CountAsync(context.CancellationToken));
    }

    /// <summary>The project with its history: adjustments, acceptances and progress reports, oldest first.</summary>
    private async Task<Pa.Employment.V1.IndustryProject> DetailsAsync(IndustryProject project, CancellationToken ct)
    {
        var counts = await LinkedCountsAsync([project.Id], ct);
        var message = project.ToMessage(counts.GetValueOrDefault(project.Id));
        message.Adjustments.AddRange((await db.Set<ProjectAdjustment>().AsNoTracking().Where(a => a.ProjectId == project.Id).ToListAsync(ct))
            .OrderBy(a => a.Id).Select(a => a.ToMessage()));
        message.Acceptances.AddRange((await db.Set<ProjectAcceptance>().AsNoTracking().Where(a => a.ProjectId == project.Id).ToListAsync(ct))
            .OrderBy(a => a.Id).Select(a => a.ToMessage()));
        message.ProgressReports.AddRange((await db.Set<ProjectProgressReport>().AsNoTracking().Where(r => r.ProjectId == project.Id).ToListAsync(ct))
            .OrderBy(r => r.Id).Select(r => r.ToMessage()));
        return message;
    }

    private Task<Dictionary<Guid, int>> LinkedCountsAsync(List<Guid> projectIds, CancellationToken ct) =>
        db.Set<ProjectBenefitLink>().Where(l => projectIds.Contains(l.ProjectId)).Select(l => new { l.ProjectId, l.HouseholdId }).Distinct()
            .GroupBy(l => l.ProjectId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>The project when the caller's region covers its village; otherwise NotFound, so another county cannot learn of it.</summary>
    private async Task<IndustryProject> VisibleProjectAsync(Caller caller, Guid projectId, CancellationToken ct)
    {
        var project = await db.Set<IndustryProject>().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        return RegionAccess.Visible(caller, project, x => x.VillageCode, $"Industry project {projectId}");
    }
}
