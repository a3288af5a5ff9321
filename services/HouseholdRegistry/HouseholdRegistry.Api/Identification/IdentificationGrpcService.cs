using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Policy;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Identification;

/// <summary>
/// The steps of identification and exit cases. Each call checks the role, then the region (NotFound
/// outside it), then the order, and saves the step, its household effects, audit and events at once.
/// </summary>
public sealed partial class IdentificationGrpcService(
    RegistryDbContext db,
    RegistryPolicy policy,
    RegistryMetrics metrics,
    TimeProvider time,
    ILogger<IdentificationGrpcService> logger) : IdentificationService.IdentificationServiceBase
{
    private const int MaxTextLength = 2000;
    private const int MaxMinutesLength = 4000;

    public override async Task<AppraiseInGroupResponse> AppraiseInGroup(AppraiseInGroupRequest request, ServerCallContext context)
    {
        var caller = RequireOwner(context, CaseStage.GroupAppraisal);
        var violations = new FieldViolations();
        var id = Ids.Require(request.CaseId, violations, "case_id");
        violations.Check(request.Decision is StepDecision.Approve or StepDecision.Reject, "decision", "must be APPROVE or REJECT");
        violations.Check(request.Votes is not null, "votes", "are required");
        if (request.Votes is { } votes)
        {
            violations.Check(votes.InFavour >= 0, "votes.in_favour", "must not be negative");
            violations.Check(votes.Against >= 0, "votes.against", "must not be negative");
            violations.Check(votes.Abstaining >= 0, "votes.abstaining", "must not be negative");
            violations.Check((long)votes.InFavour + votes.Against + votes.Abstaining > 0, "votes", "at least one vote must be recorded");
        }

        CheckText(request.Minutes, "minutes", MaxMinutesLength, required: true, violations);
        CheckText(request.Reason, "reason", MaxTextLength, required: request.Decision == StepDecision.Reject, violations);
        violations.ThrowIfAny();

        var @case = await LoadForStepAsync(id, CaseStage.GroupAppraisal, caller, context);
        var notes = new StepNotes(request.Reason.Trim(), request.Minutes.Trim(), request.Votes!.Clone());
        var now = Now;
        if (request.Decision == StepDecision.Reject)
        {
            CaseProcedure.Reject(@case, StepActor.Of(caller), now, notes);
        }
        else
        {
            CaseProcedure.Approve(@case, StepActor.Of(caller), now, policy.For(now), notes);
        }

        await SaveAsync(@case, caller, "case.group_appraisal", null, context);
        return new AppraiseInGroupResponse { Case = @case.ToMessage() };
    }

    public override async Task<ReviewInVillageResponse> ReviewInVillage(ReviewInVillageRequest request, ServerCallContext context)
    {
        var caller = RequireOwner(context, CaseStage.VillageReview);
        var violations = new FieldViolations();
        var id = Ids.Require(request.CaseId, violations, "case_id");
        CheckText(request.Minutes, "minutes", MaxMinutesLength, required: true, violations);
        CheckText(request.Comment, "comment", MaxTextLength, required: false, violations);
        violations.ThrowIfAny();

        var @case = await LoadForStepAsync(id, CaseStage.VillageReview, caller, context);
        var now = Now;
        CaseProcedure.Approve(@case, StepActor.Of(caller), now, policy.For(now), new StepNotes(request.Comment.Trim(), request.Minutes.Trim()));
        await SaveAsync(@case, caller, "case.village_review", null, context);
        return new ReviewInVillageResponse { Case = @case.ToMessage() };
    }

    public override async Task<CheckInTownshipResponse> CheckInTownship(CheckInTownshipRequest request, ServerCallContext context) =>
        new() { Case = await ApproveAsync(request.CaseId, request.Comment, CaseStage.TownshipCheck, "case.township_check", context) };

    public override async Task<ApproveInCountyResponse> ApproveInCounty(ApproveInCountyRequest request, ServerCallContext context) =>
        new() { Case = await ApproveAsync(request.CaseId, request.Comment, CaseStage.CountyApproval, "case.county_approval", context) };

    public override async Task<RejectResponse> Reject(RejectRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (!CaseWorkflow.MayReject(caller.Role))
        {
            throw RpcErrors.PermissionDenied($"Role {caller.Role} takes no step that can reject a case.");
        }

        var violations = new FieldViolations();
        var id = Ids.Require(request.CaseId, violations, "case_id");
        CheckText(request.Reason, "reason", MaxTextLength, required: true, violations);
        violations.ThrowIfAny();

        var @case = await LoadCaseAsync(id, caller, context.CancellationToken);
        if (!@case.IsOpen)
        {
            throw RpcErrors.FailedPrecondition($"The case is closed ({@case.Outcome}).");
        }

        if (!CaseWorkflow.IsRejectable(@case.Stage) || !CaseWorkflow.Owners(@case.Stage).Contains(caller.Role))
        {
            throw RpcErrors.FailedPrecondition($"The case is at {@case.Stage}, which a {caller.Role} cannot reject; a notice is challenged by an objection.");
        }

        CaseProcedure.Reject(@case, StepActor.Of(caller), Now, new StepNotes(request.Reason.Trim()));
        await SaveAsync(@case, caller, "case.reject", null, context);
        return new RejectResponse { Case = @case.ToMessage() };
    }

    public override async Task<CloseNoticeResponse> CloseNotice(CloseNoticeRequest request, ServerCallContext context)
    {
        var caller = RequireOwner(context, CaseStage.VillageNotice);
        var violations = new FieldViolations();
        var id = Ids.Require(request.NoticeId, violations, "notice_id");
        violations.ThrowIfAny();

        var (@case, notice) = await LoadNoticeAsync(id, caller, context.CancellationToken);

        var now = Now;
        if (NoticeRules.WhyNotClosable(notice, DateOnly.FromDateTime(now)) is { } problem)
        {
            throw RpcErrors.FailedPrecondition(problem);
        }

        var completion = CaseProcedure.CloseNotice(@case, notice, StepActor.Of(caller), now, policy.For(now));
        await SaveAsync(@case, caller, "notice.close", completion, context);
        return new CloseNoticeResponse { Case = @case.ToMessage() };
    }

    private async Task<Pa.Registry.V1.Case> ApproveAsync(string caseId, string comment, CaseStage stage, string action, ServerCallContext context)
    {
        var caller = RequireOwner(context, stage);
        var violations = new FieldViolations();
        var id = Ids.Require(caseId, violations, "case_id");
        CheckText(comment, "comment", MaxTextLength, required: false, violations);
        violations.ThrowIfAny();

        var @case = await LoadForStepAsync(id, stage, caller, context);
        var now = Now;
        if (@case.Kind == CaseKind.Exit && stage == CaseStage.CountyApproval)
        {
            await ExitGate.EnsureEligibleAsync(db, @case.Household, now, policy, context.CancellationToken);
        }

        var completion = CaseProcedure.Approve(@case, StepActor.Of(caller), now, policy.For(now), new StepNotes(comment.Trim()));
        await SaveAsync(@case, caller, action, completion, context);
        return @case.ToMessage();
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The caller, when its role owns the step; checked before anything is read, so it reveals nothing.</summary>
    private static Caller RequireOwner(ServerCallContext context, CaseStage stage)
    {
        var caller = context.GetCaller();
        if (!CaseWorkflow.Owners(stage).Contains(caller.Role))
        {
            throw RpcErrors.PermissionDenied($"Role {caller.Role} does not take the {stage} step.");
        }

        return caller;
    }

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
        if (@case is null || !caller.CanSee(RegionCode.Parse(@case.RegionCode)))
        {
            throw RpcErrors.NotFound($"Case {id}");
        }

        return @case;
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
    private async Task SaveAsync(Case @case, Caller caller, string action, object? completion, ServerCallContext context)
    {
        var now = Now;
        db.Record(caller, action, "case", @case.Id.ToString(), context.AccessPurpose(), now, CallContextExtensions.TraceId);
        var householdKey = @case.Household.Id.ToString();
        switch (completion)
        {
            case HouseholdRegistered registered:
                db.AddEvent(registered, householdKey, now);
                break;
            case HouseholdExited exited:
                db.AddEvent(exited, householdKey, now);
                break;
        }

        await SaveChangesAsync(context.CancellationToken);
        LogStep(logger, action, @case.Id, @case.Stage, @case.Outcome);
        switch (completion)
        {
            case HouseholdRegistered:
                metrics.Registered(@case.RegionCode);
                break;
            case HouseholdExited:
                metrics.Exited(@case.RegionCode);
                break;
        }
    }

    private static void CheckText(string text, string field, int maxLength, bool required, FieldViolations violations)
    {
        violations.Check(!required || text.Trim().Length > 0, field, "is required");
        violations.Check(text.Length <= maxLength, field, $"must be at most {maxLength} characters");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Action} on case {CaseId}: now at {Stage}, {Outcome}")]
    private static partial void LogStep(ILogger logger, string action, Guid caseId, CaseStage stage, CaseOutcome outcome);
}
