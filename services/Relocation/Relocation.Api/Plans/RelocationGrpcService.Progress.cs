using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Relocation.V1;
using Platform.Messaging;
using Platform.Relocation.Access;
using Platform.Relocation.Contracts;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Relocation.Plans;

/// <summary>The move-in, recorded by the destination, and the old homestead's reclamation, recorded by the origin.</summary>
public sealed partial class RelocationGrpcService
{
    [Allow(Roles.Recorders, "record move-ins")]
    public override async Task<RecordMoveInResponse> RecordMoveIn(RecordMoveInRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var movedInOn = PastDate(request.MovedInOn, violations, "moved_in_on");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var plan = await RelocationAccess.ManagedPlanAsync(db, caller, householdId, ct);
        RpcErrors.ThrowIfRefused(RelocationProgress.CheckMoveIn(plan.Stage, plan.MovedInOn));

        (plan.Stage, plan.MovedInOn, plan.UpdatedAt) = (RelocationStage.MovedIn, movedInOn, Now);
        db.AddEvent(new HouseholdMovedIn(householdId, plan.SiteId, plan.OriginRegionCode, plan.SiteRegionCode, movedInOn, Now), householdId.ToString(), Now);
        db.Audit(context, "relocation.plan.move-in", nameof(RelocationPlan), householdId);
        // Follow-up starts now: a family with no one employed gets its case in the same commit.
        await reconciler.ReconcileAsync(householdId, Now, ct);
        await reconciler.SaveForCallAsync(ct);
        metrics.MovedIn();
        return new RecordMoveInResponse { Relocation = await MessageAsync(plan, ct) };
    }

    [Allow(Roles.Recorders, "record homestead reclamation")]
    public override async Task<RecordHomesteadReclaimedResponse> RecordHomesteadReclaimed(RecordHomesteadReclaimedRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var reclaimedOn = PastDate(request.ReclaimedOn, violations, "reclaimed_on");
        var evidence = violations.NotBlank(request.Evidence, "evidence");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var plan = await RelocationAccess.VisiblePlanAsync(db, caller, householdId, ct);
        // The old homestead lies in the origin village: its officers witness the reclamation.
        if (!caller.CanSee(RegionCode.Parse(plan.OriginRegionCode)))
        {
            throw RpcErrors.PermissionDenied("Only officers of the household's origin region record the reclamation of its old homestead.");
        }

        RpcErrors.ThrowIfRefused(RelocationProgress.CheckReclamation(plan.Stage, plan.HomesteadReclaimedOn));

        if (reclaimedOn < plan.MovedInOn)
        {
            throw RpcErrors.InvalidArgument("reclaimed_on", $"must not be before the move-in on {plan.MovedInOn:yyyy-MM-dd}");
        }

        (plan.Stage, plan.HomesteadReclaimedOn, plan.ReclamationEvidence, plan.UpdatedAt) = (RelocationStage.HomesteadReclaimed, reclaimedOn, evidence, Now);
        db.Audit(context, "relocation.plan.homestead-reclaimed", nameof(RelocationPlan), householdId);
        await db.SaveChangesAsync(ct);
        return new RecordHomesteadReclaimedResponse { Relocation = await MessageAsync(plan, ct) };
    }

    [Allow(Roles.Recorders, "cancel relocation plans")]
    public override async Task<CancelPlanResponse> CancelPlan(CancelPlanRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var reason = violations.NotBlank(request.Reason, "reason");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var plan = await RelocationAccess.ManagedPlanAsync(db, caller, householdId, ct);
        RpcErrors.ThrowIfRefused(RelocationProgress.CheckCancellation(plan.Stage, plan.MovedInOn));

        var unit = await db.Set<Sites.HousingUnit>().FirstAsync(u => u.Id == plan.UnitId, ct);
        unit.HouseholdId = null;
        var cancellation = new PlanCancellation
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            SiteId = plan.SiteId,
            UnitId = plan.UnitId,
            PlannedMoveOn = plan.PlannedMoveOn,
            Reason = reason,
            CancelledBy = caller.Subject,
            CancelledAt = Now,
        };
        db.Add(cancellation);
        db.Remove(plan);
        db.Audit(context, "relocation.plan.cancel", nameof(RelocationPlan), householdId);
        await db.SaveChangesAsync(ct);
        return new CancelPlanResponse { Cancellation = cancellation.ToMessage() };
    }

    /// <summary>A real date not after today: these calls record what happened. plans.proto requires it from 2000.</summary>
    private DateOnly PastDate(Pa.Common.V1.Date date, FieldViolations violations, string field)
    {
        var day = date.ToDateOnly();
        violations.Check(day is not null && day <= Today, field, "must be a real calendar date, not in the future");
        return day ?? default;
    }
}
