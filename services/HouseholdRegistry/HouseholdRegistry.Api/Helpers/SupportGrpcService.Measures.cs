using System.Globalization;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Helpers;

/// <summary>Visit logs (帮扶工作日志) and assistance measures with their write-off (销号).</summary>
public sealed partial class SupportGrpcService
{
    [Allow(Roles.Recorders, "record visits")]
    public override async Task<RecordVisitResponse> RecordVisit(RecordVisitRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var helperId = request.HelperId.Length == 0 ? (Guid?)null : Ids.Require(request.HelperId, violations, "helper_id");
        var date = request.VisitDate.ToDateOnly();
        violations.Check(date is not null && date <= DateOnly.FromDateTime(now), "visit_date", "must be a valid date, not in the future");
        violations.ThrowIfAny();

        var household = await SupportAccess.VisibleHouseholdAsync(db, caller, householdId, context);
        var helper = helperId ?? household.HelperId
            ?? throw RpcErrors.FailedPrecondition("The household has no helper paired; name the helper who visited.");
        if (helperId is { } named)
        {
            await SupportAccess.VisibleHelperAsync(db, caller, named, context);
        }

        var visit = new Visit
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = household.Id,
            HelperId = helper,
            VisitDate = date!.Value,
            Content = request.Content.Trim(),
            FollowUp = request.FollowUp.Trim(),
            RecordedBy = caller.Subject,
            RecordedAt = now,
        };
        db.Visits.Add(visit);
        db.Audit(context, "visit.record", HouseholdEntity, household.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new RecordVisitResponse { Visit = visit.ToMessage() };
    }

    [Allow(Roles.Officers | Roles.Auditor, "list visits")]
    public override async Task<ListVisitsResponse> ListVisits(ListVisitsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (household, page, after) = await SupportAccess.ReadHouseholdListingAsync(db, caller, request.HouseholdId, request.Page, context);
        var query = db.Visits.AsNoTracking().Where(v => v.HouseholdId == household.Id);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(v => after == null || v.Seq < after).OrderByDescending(v => v.Seq).Take(page.Size + 1).ToListAsync(context.CancellationToken);

        db.Audit(context, "visit.list", HouseholdEntity, household.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ListVisitsResponse { Page = Paging.Response(rows, page, total, v => v.Seq.ToString(CultureInfo.InvariantCulture)) };
        response.Visits.AddRange(rows.Take(page.Size).Select(v => v.ToMessage()));
        return response;
    }

    [Allow(Roles.Recorders, "plan assistance measures")]
    public override async Task<PlanMeasureResponse> PlanMeasure(PlanMeasureRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        violations.Check(request.PlannedYear >= now.Year - 1 && request.PlannedYear <= now.Year + 10, "planned_year", $"must be between {now.Year - 1} and {now.Year + 10}");
        violations.ThrowIfAny();

        var household = await SupportAccess.VisibleHouseholdAsync(db, caller, householdId, context);
        if (SupportRules.WhyNoPlan(household.Status) is { } refusal)
        {
            throw RpcErrors.FailedPrecondition(refusal);
        }

        var measure = new AssistanceMeasure
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = household.Id,
            VillageCode = household.RegionCode,
            Kind = request.Kind,
            Description = request.Description.Trim(),
            PlannedYear = request.PlannedYear,
        };
        db.AssistanceMeasures.Add(measure);
        db.Audit(context, "measure.plan", HouseholdEntity, household.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return new PlanMeasureResponse { Measure = measure.ToMessage() };
    }

    [Allow(Roles.Recorders, "write off assistance measures")]
    public override async Task<CompleteMeasureResponse> CompleteMeasure(CompleteMeasureRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var measureId = Ids.Require(request.MeasureId, "measure_id");

        var measure = await db.AssistanceMeasures.FirstOrDefaultAsync(m => m.Id == measureId, context.CancellationToken);
        if (measure is null || !caller.CanSee(RegionCode.Parse(measure.VillageCode)))
        {
            throw RpcErrors.NotFound($"Measure {measureId}");
        }

        if (SupportRules.WhyNotCompletable(measure) is { } refusal)
        {
            throw RpcErrors.FailedPrecondition(refusal);
        }

        var now = time.GetUtcNow().UtcDateTime;
        measure.Status = MeasureStatus.Done;
        measure.DoneAt = now;
        measure.DoneBy = caller.Subject;
        db.Audit(context, "measure.complete", HouseholdEntity, measure.HouseholdId);
        await SupportAccess.SaveAsync(db, context.CancellationToken);
        return new CompleteMeasureResponse { Measure = measure.ToMessage() };
    }

    [Allow(Roles.Officers | Roles.Auditor, "list assistance measures")]
    public override async Task<ListMeasuresResponse> ListMeasures(ListMeasuresRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (household, page, after) = await SupportAccess.ReadHouseholdListingAsync(db, caller, request.HouseholdId, request.Page, context);
        var query = db.AssistanceMeasures.AsNoTracking().Where(m => m.HouseholdId == household.Id);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(m => after == null || m.Seq > after).OrderBy(m => m.Seq).Take(page.Size + 1).ToListAsync(context.CancellationToken);
        var response = new ListMeasuresResponse { Page = Paging.Response(rows, page, total, m => m.Seq.ToString(CultureInfo.InvariantCulture)) };
        response.Measures.AddRange(rows.Take(page.Size).Select(m => m.ToMessage()));

        // A household's measures are read like its visits: audited against the household.
        db.Audit(context, "measure.list", HouseholdEntity, household.Id);
        await db.SaveChangesAsync(context.CancellationToken);
        return response;
    }
}
