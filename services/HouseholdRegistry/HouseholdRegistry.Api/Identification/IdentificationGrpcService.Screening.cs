using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using ApplicationRules = Platform.HouseholdRegistry.Households.ApplicationRules;

namespace Platform.HouseholdRegistry.Identification;

/// <summary>Objections, exit cases, cross-checked facts and overrides of 五不录 exclusions.</summary>
public sealed partial class IdentificationGrpcService
{
    /// <summary>Officers whose scope covers the village file objections on behalf of whoever objects.</summary>
    [Allow(Roles.Recorders, "file objections")]
    public override async Task<FileObjectionResponse> FileObjection(FileObjectionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.NoticeId, "notice_id");

        var (@case, notice) = await LoadNoticeAsync(id, caller, context.CancellationToken);
        if (NoticeRules.WhyNoObjection(notice) is { } refusal)
        {
            throw RpcErrors.FailedPrecondition(refusal);
        }

        var objection = CaseProcedure.FileObjection(@case, notice, StepActor.Of(caller), Now,
            request.ObjectorName.Trim(), request.Content.Trim(), request.Evidence.Trim());
        await SaveAsync(@case, caller, "notice.objection", context);
        return new FileObjectionResponse { Objection = objection.ToMessage() };
    }

    /// <summary>Findings on objections are made at township or county level, not by the village whose review is challenged.</summary>
    [Allow(Roles.TownshipOfficer | Roles.CountyOfficer, "resolve objections")]
    public override async Task<ResolveObjectionResponse> ResolveObjection(ResolveObjectionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.ObjectionId, "objection_id");

        var noticeId = await db.Objections.Where(o => o.Id == id).Select(o => (Guid?)o.Notice.Id).FirstOrDefaultAsync(context.CancellationToken)
            ?? throw RpcErrors.NotFound($"Objection {id}");
        var (@case, notice) = await LoadNoticeAsync(noticeId, caller, context.CancellationToken);
        var objection = notice.Objections.Single(o => o.Id == id);
        if (NoticeRules.WhyNotResolvable(notice, objection) is { } refusal)
        {
            throw RpcErrors.FailedPrecondition(refusal);
        }

        CaseProcedure.ResolveObjection(@case, notice, objection, request.Resolution == ObjectionStatus.Upheld, request.Finding.Trim(), StepActor.Of(caller), Now);
        await SaveAsync(@case, caller, "notice.objection_resolved", context);
        return new ResolveObjectionResponse { Case = @case.ToMessage() };
    }

    [Allow(Roles.VillageOfficer, "open exit cases")]
    public override async Task<OpenExitCaseResponse> OpenExitCase(OpenExitCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.HouseholdId, "household_id");

        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id, context.CancellationToken);
        if (household is null || !caller.CanSee(RegionCode.Parse(household.RegionCode)))
        {
            throw RpcErrors.NotFound($"Household {id}");
        }

        var now = Now;
        if (ExitGate.WhyNotOpenable(household.Status, household.PreExitMarkedYear, now.Year) is { } refusal)
        {
            throw RpcErrors.FailedPrecondition(refusal);
        }

        if (await db.Cases.AnyAsync(c => c.HouseholdSeq == household.Seq && c.Outcome == CaseOutcome.Open, context.CancellationToken))
        {
            throw RpcErrors.FailedPrecondition("The household already has an open case.");
        }

        await ExitGate.EnsureEligibleAsync(db, household, now, policy, context.CancellationToken);
        var @case = CaseProcedure.Open(household, CaseKind.Exit, StepActor.Of(caller), now);
        db.Cases.Add(@case);
        try
        {
            await SaveAsync(@case, caller, "case.open_exit", context);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // The unique open-case index: another exit case for this household committed first.
            throw RpcErrors.FailedPrecondition("The household already has an open case.");
        }

        return new OpenExitCaseResponse { Case = @case.ToMessage() };
    }

    /// <summary>Facts are cross-checked by the county or by another department's system (数据比对).</summary>
    [Allow(Roles.CountyOfficer | Roles.DepartmentClient, "record cross-checked facts")]
    public override async Task<RecordCheckedFactsResponse> RecordCheckedFacts(RecordCheckedFactsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        ApplicationRules.ValidateFacts(request.Facts, "facts", violations);
        foreach (var (name, fact) in CheckedFacts.Set(request.Facts))
        {
            violations.Check(fact.Source == FactSource.CrossChecked, $"facts.{name}.source", "must be CROSS_CHECKED");
        }

        violations.ThrowIfAny();

        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id, context.CancellationToken);
        if (household is null || !caller.CanSee(RegionCode.Parse(household.RegionCode)))
        {
            throw RpcErrors.NotFound($"Household {id}");
        }

        var now = Now;
        household.Facts = CheckedFacts.Merge(household.Facts, request.Facts!);
        Screening.HouseholdScreening.Refresh(household, policy.For(now));
        var purpose = context.AccessPurpose();
        db.Record(caller, "household.facts_checked", "household", household.Id.ToString(), purpose, now, CallContextExtensions.TraceId);
        var @case = await Cases().Where(c => c.HouseholdSeq == household.Seq && c.Kind == CaseKind.Identification)
            .OrderByDescending(c => c.Seq).FirstOrDefaultAsync(context.CancellationToken);
        var hits = @case is null
            ? CaseProcedure.UncoveredHits(household)
            : IdentificationScreening.Screen(@case, StepActor.Of(caller), now, db, caller, purpose);
        await SaveChangesAsync(context.CancellationToken);

        var response = new RecordCheckedFactsResponse { Facts = household.Facts.Clone(), Case = @case?.ToMessage() };
        response.Hits.AddRange(hits.Select(h => h.ToMessage()));
        return response;
    }

    /// <summary>Only the accountable county (县级主体责任) may set a 五不录 exclusion aside.</summary>
    [Allow(Roles.CountyOfficer, "override a 五不录 exclusion")]
    public override async Task<OverrideExclusionResponse> OverrideExclusion(OverrideExclusionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.CaseId, "case_id");

        var @case = await LoadCaseAsync(id, caller, context.CancellationToken);
        if (CaseWorkflow.WhyNotOverridable(@case.Outcome) is { } refusal)
        {
            throw RpcErrors.FailedPrecondition(refusal);
        }

        var hashes = @case.Household.Members.Select(m => m.NationalIdHash).ToList();
        if (await db.Members.AnyAsync(m => m.IsActive && m.HouseholdSeq != @case.HouseholdSeq && hashes.Contains(m.NationalIdHash), context.CancellationToken))
        {
            throw RpcErrors.FailedPrecondition("A member of this household is now an active member of another household.");
        }

        var now = Now;
        CaseProcedure.OverrideExclusion(@case, StepActor.Of(caller), now, policy.For(now), request.Reason.Trim());
        db.Audit(context, "household.screening_override", "household", @case.Household.Id);
        try
        {
            await SaveAsync(@case, caller, "case.override_exclusion", context);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A member joined another household between the check and the save (the active-member index).
            throw RpcErrors.FailedPrecondition("A member of this household is now an active member of another household.");
        }

        return new OverrideExclusionResponse { Case = @case.ToMessage() };
    }

    private async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsConcurrencyConflict())
        {
            throw RpcErrors.Aborted("The case or its household was changed by someone else at the same time; read it again and retry.");
        }
    }
}
