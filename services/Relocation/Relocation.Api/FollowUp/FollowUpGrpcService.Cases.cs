using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;
using Platform.Relocation.Access;
using Platform.Relocation.Sites;
using Platform.Security;
using Platform.ServiceDefaults;
using V1 = Pa.Relocation.V1;

namespace Platform.Relocation.FollowUp;

/// <summary>
/// Zero-employment cases (零就业家庭): listed by the destination's region, read by origin and
/// destination, assigned and acted on by the destination. No call closes a case: the reconciler
/// closes it when someone is employed or no one seeks work any longer.
/// </summary>
public sealed partial class FollowUpGrpcService
{
    [Allow(Roles.Readers, "list follow-up cases")]
    public override async Task<V1.ListCasesResponse> ListCases(V1.ListCasesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        Guid? siteId = null;
        var region = caller.Region;
        if (request.SiteId.Length > 0)
        {
            siteId = Ids.Require(request.SiteId, violations, "site_id");
        }
        else
        {
            region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        }

        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");

        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var query = db.Set<FollowUpCase>().AsNoTracking();
        if (siteId is { } id)
        {
            var site = await RelocationAccess.VisibleSiteAsync(db, caller, id, ct);
            query = query.Where(c => c.SiteId == site.Id);
        }
        else
        {
            query = query.InRegion(c => c.SiteRegionCode, region);
        }

        query = request.Status switch
        {
            V1.CaseStatusFilter.Open => query.Where(c => c.ClosedAt == null),
            V1.CaseStatusFilter.Closed => query.Where(c => c.ClosedAt != null),
            _ => query,
        };
        if (request.AssignedTo.Length > 0)
        {
            query = query.Where(c => c.AssignedTo == request.AssignedTo);
        }

        var total = await query.CountAsync(ct);
        // Case ids are version-7 UUIDs: descending id is newest first, and a stable key for the page token.
        var rows = await query.Include(c => c.Actions).Where(c => after == null || c.Id.CompareTo(after.Value) < 0)
            .OrderByDescending(c => c.Id).Take(page.Size + 1).ToListAsync(ct);
        db.Audit(context, "relocation.follow-up.cases.list", siteId is null ? "Region" : nameof(Site), siteId?.ToString() ?? region.Value);
        await db.SaveChangesAsync(ct);
        var response = new V1.ListCasesResponse { Page = Paging.Response(rows, page, total, c => c.Id.ToString()) };
        response.Cases.AddRange(rows.Take(page.Size).Select(c => c.ToMessage(withActions: false)));
        return response;
    }

    [Allow(Roles.Readers, "read follow-up cases")]
    public override async Task<V1.GetCaseResponse> GetCase(V1.GetCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.CaseId, "case_id");

        var ct = context.CancellationToken;
        var followUpCase = await CaseAsync(caller, id, manage: false, ct);
        db.Audit(context, "relocation.follow-up.case.read", nameof(FollowUpCase), id);
        await db.SaveChangesAsync(ct);
        return new V1.GetCaseResponse { FollowUpCase = followUpCase.ToMessage(withActions: true) };
    }

    [Allow(Roles.Recorders, "assign follow-up cases")]
    public override async Task<V1.AssignCaseResponse> AssignCase(V1.AssignCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.CaseId, violations, "case_id");
        var subject = violations.NotBlank(request.AssigneeSubject, "assignee_subject");
        var name = violations.NotBlank(request.AssigneeName, "assignee_name");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var followUpCase = await OpenCaseAsync(caller, id, ct);
        (followUpCase.AssignedTo, followUpCase.AssigneeName, followUpCase.AssignedAt) = (subject, name, Now);
        db.Audit(context, "relocation.follow-up.case.assign", nameof(FollowUpCase), id);
        await db.SaveChangesAsync(ct);
        return new V1.AssignCaseResponse { FollowUpCase = followUpCase.ToMessage(withActions: true) };
    }

    [Allow(Roles.Recorders, "record follow-up actions")]
    public override async Task<V1.RecordCaseActionResponse> RecordCaseAction(V1.RecordCaseActionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.CaseId, violations, "case_id");
        var details = violations.NotBlank(request.Details, "details");
        // followup.proto requires taken_on; the day must also exist in its month.
        var takenOn = request.TakenOn.ToDateOnly();
        violations.Check(takenOn is not null, "taken_on", "must be a real calendar date");
        violations.Check(takenOn is null || takenOn <= Today, "taken_on", "must not be in the future");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var followUpCase = await OpenCaseAsync(caller, id, ct);
        var action = new CaseAction
        {
            Id = Guid.CreateVersion7(),
            CaseId = followUpCase.Id,
            Kind = FollowUpMapping.FromMessage(request.Kind),
            Details = details,
            TakenOn = takenOn!.Value,
            RecordedBy = caller.Subject,
            RecordedAt = Now,
        };
        db.Add(action);
        db.Audit(context, "relocation.follow-up.case.action", nameof(CaseAction), action.Id);
        await db.SaveChangesAsync(ct);
        return new V1.RecordCaseActionResponse { Action = action.ToMessage() };
    }

    /// <summary>An open case the caller manages: NotFound, PermissionDenied for the origin only, refused by <see cref="CaseRules"/> when closed.</summary>
    private async Task<FollowUpCase> OpenCaseAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var followUpCase = await CaseAsync(caller, id, manage: true, ct);
        RpcErrors.ThrowIfRefused(CaseRules.CheckOpen(followUpCase.ClosedAt, followUpCase.Outcome));
        return followUpCase;
    }

    /// <summary>The case when the caller may read its family's relocation (origin or destination); managing needs the destination.</summary>
    private async Task<FollowUpCase> CaseAsync(Caller caller, Guid id, bool manage, CancellationToken ct)
    {
        var followUpCase = await db.Set<FollowUpCase>().Include(c => c.Actions).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw RpcErrors.NotFound($"Case {id}");
        try
        {
            _ = manage
                ? await RelocationAccess.ManagedPlanAsync(db, caller, followUpCase.HouseholdId, ct)
                : await RelocationAccess.VisiblePlanAsync(db, caller, followUpCase.HouseholdId, ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw RpcErrors.NotFound($"Case {id}");
        }

        return followUpCase;
    }
}
