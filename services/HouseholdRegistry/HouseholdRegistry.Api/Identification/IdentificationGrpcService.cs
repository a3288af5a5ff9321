using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Policy;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Identification;

/// <summary>
/// The steps of identification and exit cases. [Allow] admits the roles that own the step
/// (<see cref="CaseWorkflow.Owners"/>; a test holds the two together); each call then checks the
/// region (NotFound outside it), then the order, and saves the step, its household effects, audit and events at once.
/// </summary>
public sealed partial class IdentificationGrpcService(
    RegistryDbContext db,
    RegistryPolicy policy,
    RegistryMetrics metrics,
    TimeProvider time,
    ILogger<IdentificationGrpcService> logger) : IdentificationService.IdentificationServiceBase
{
    [Allow(Roles.VillageOfficer, "take the group appraisal step")]
    public override async Task<AppraiseInGroupResponse> AppraiseInGroup(AppraiseInGroupRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.CaseId, violations, "case_id");
        // The contract checks each field alone; a reason is needed only with the decision to reject.
        violations.Check(request.Decision != StepDecision.Reject || request.Reason.Trim().Length > 0, "reason", "is required to reject");
        violations.ThrowIfAny();

        var @case = await LoadForStepAsync(id, CaseStage.GroupAppraisal, caller, context);
        var notes = new StepNotes(request.Reason.Trim(), request.Minutes.Trim(), request.Votes!.Clone());
        var now = Now;
        StepOutcome? outcome = null;
        if (request.Decision == StepDecision.Reject)
        {
            CaseProcedure.Reject(@case, StepActor.Of(caller), now, notes);
        }
        else
        {
            outcome = CaseProcedure.Approve(@case, StepActor.Of(caller), now, policy.For(now), notes);
        }

        await SaveAsync(@case, caller, "case.group_appraisal", context, outcome);
        return new AppraiseInGroupResponse { Case = @case.ToMessage() };
    }

    [Allow(Roles.VillageOfficer, "take the village review step")]
    public override async Task<ReviewInVillageResponse> ReviewInVillage(ReviewInVillageRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.CaseId, "case_id");

        var @case = await LoadForStepAsync(id, CaseStage.VillageReview, caller, context);
        var now = Now;
        var outcome = CaseProcedure.Approve(@case, StepActor.Of(caller), now, policy.For(now), new StepNotes(request.Comment.Trim(), request.Minutes.Trim()));
        await SaveAsync(@case, caller, "case.village_review", context, outcome);
        return new ReviewInVillageResponse { Case = @case.ToMessage() };
    }

    [Allow(Roles.TownshipOfficer, "take the township check step")]
    public override async Task<CheckInTownshipResponse> CheckInTownship(CheckInTownshipRequest request, ServerCallContext context) =>
        new() { Case = await ApproveAsync(request.CaseId, request.Comment, CaseStage.TownshipCheck, "case.township_check", context) };

    [Allow(Roles.CountyOfficer, "take the county approval step")]
    public override async Task<ApproveInCountyResponse> ApproveInCounty(ApproveInCountyRequest request, ServerCallContext context) =>
        new() { Case = await ApproveAsync(request.CaseId, request.Comment, CaseStage.CountyApproval, "case.county_approval", context) };

    [Allow(Roles.Recorders, "reject cases")]
    public override async Task<RejectResponse> Reject(RejectRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.CaseId, "case_id");

        var @case = await LoadCaseAsync(id, caller, context.CancellationToken);
        if (CaseWorkflow.WhyNotRejectable(@case.Outcome, @case.Stage, caller.Role) is { } refusal)
        {
            throw RpcErrors.FailedPrecondition(refusal);
        }

        CaseProcedure.Reject(@case, StepActor.Of(caller), Now, new StepNotes(request.Reason.Trim()));
        await SaveAsync(@case, caller, "case.reject", context);
        return new RejectResponse { Case = @case.ToMessage() };
    }

    [Allow(Roles.VillageOfficer | Roles.TownshipOfficer, "close notices")]
    public override async Task<CloseNoticeResponse> CloseNotice(CloseNoticeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.NoticeId, "notice_id");

        var (@case, notice) = await LoadNoticeAsync(id, caller, context.CancellationToken);

        var now = Now;
        if (NoticeRules.WhyNotClosable(notice, DateOnly.FromDateTime(now)) is { } problem)
        {
            throw RpcErrors.FailedPrecondition(problem);
        }

        var outcome = CaseProcedure.CloseNotice(@case, notice, StepActor.Of(caller), now, policy.For(now));
        await SaveAsync(@case, caller, "notice.close", context, outcome);
        return new CloseNoticeResponse { Case = @case.ToMessage() };
    }

    private async Task<Pa.Registry.V1.Case> ApproveAsync(string caseId, string comment, CaseStage stage, string action, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(caseId, "case_id");

        var @case = await LoadForStepAsync(id, stage, caller, context);
        var now = Now;
        if (@case.Kind == CaseKind.Exit && stage == CaseStage.CountyApproval)
        {
            await ExitGate.EnsureEligibleAsync(db, @case.Household, now, policy, context.CancellationToken);
        }

        var outcome = CaseProcedure.Approve(@case, StepActor.Of(caller), now, policy.For(now), new StepNotes(comment.Trim()));
        await SaveAsync(@case, caller, action, context, outcome);
        return @case.ToMessage();
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<Case> LoadForStepAsync(Guid id, CaseStage stage, Caller caller, ServerCallContext context)
    {
        var @case = await LoadCaseAsync(id, caller, context.CancellationToken);
        switch (CaseWorkflow.Check(@case.Outcome, @case.Stage, stage, caller.Role))
        {
            case StepRefusal.CaseClosed:
                throw RpcErrors.FailedPrecondition($"The case is closed ({@case.Outcome}).");
            case StepRefusal.OutOfOrder:
                throw RpcErrors.FailedPrecondition($"The case is at {@case.Stage}, not at {stage}.");
            case StepRefusal.WrongRole:
                throw RpcErrors.PermissionDenied($"Role {caller.Role} does not take the {stage} step.");
        }

        return @case;
    }

    private async Task<Case> LoadCaseAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var @case = await Cases().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return RegionAccess.Visible(caller, @case, c => c.RegionCode, $"Case {id}");
    }

    private async Task<(Case Case, Notice Notice)> LoadNoticeAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var caseId = await db.Notices.Where(n => n.Id == id).Select(n => (Guid?)n.Case.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw RpcErrors.NotFound($"Notice {id}");
        var @case = await LoadCaseAsync(caseId, caller, cancellationToken);
        return (@case, @case.Notices.Single(n => n.Id == id));
    }

    /// <summary>A case with everything its archive and its household effects need.</summary>
    private IQueryable<Case> Cases() => db.Cases
        .Include(c => c.Household).ThenInclude(h => h.Members)
        .Include(c => c.Steps)
        .Include(c => c.Notices).ThenInclude(n => n.Objections)
        .AsSplitQuery();

    /// <summary>One SaveChanges: the step, its household effects, the audit record and any completion event.</summary>
    private async Task SaveAsync(Case @case, Caller caller, string action, ServerCallContext context, StepOutcome? outcome = null)
    {
        var now = Now;
        db.Audit(context, action, "case", @case.Id);
        var householdKey = @case.Household.Id.ToString();
        switch (outcome)
        {
            case StepOutcome.Registered registered:
                db.AddEvent(registered.Event, householdKey, now);
                break;
            case StepOutcome.Exited exited:
                db.AddEvent(exited.Event, householdKey, now);
                break;
        }

        await SaveChangesAsync(context.CancellationToken);
        LogStep(logger, action, @case.Id, @case.Stage, @case.Outcome);
        switch (outcome)
        {
            case StepOutcome.Registered:
                metrics.Registered(@case.RegionCode);
                break;
            case StepOutcome.Exited:
                metrics.Exited(@case.RegionCode);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Action} on case {CaseId}: now at {Stage}, {Outcome}")]
    private static partial void LogStep(ILogger logger, string action, Guid caseId, CaseStage stage, CaseOutcome outcome);
}
