using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Access;
using Platform.Assistance.Data;
using Platform.Assistance.Exchange;
using Platform.Assistance.Guarantees;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using GuaranteeState = Platform.Assistance.Guarantees.GuaranteeState;

namespace Platform.Assistance.Water;

/// <summary>Drinking-water safety (饮水安全): assessments here, projects in the other part.</summary>
public sealed partial class WaterGrpcService(
    AssistanceDbContext db, GuaranteeAssessor assessor, DepartmentImporter importer, WaterAssessmentRows departmentRows, TimeProvider time)
    : WaterService.WaterServiceBase
{
    [Allow(Roles.Recorders, "record water assessments")]
    public override async Task<RecordWaterAssessmentResponse> RecordWaterAssessment(RecordWaterAssessmentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        var now = time.GetUtcNow().UtcDateTime;
        var assessedOn = WaterValidation.AssessedOn(request.AssessedOn, DateOnly.FromDateTime(now), violations, "assessed_on");
        violations.NotBlank(request.Assessor, "assessor");
        violations.ThrowIfAny();

        var household = await AssistanceAccess.VisibleHouseholdAsync(db, caller, id, context.CancellationToken);
        var assessment = new WaterAssessment
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = id,
            RegionCode = household.RegionCode,
            Quantity = WaterCheck.From(request.Quantity),
            Quality = WaterCheck.From(request.Quality),
            Convenience = WaterCheck.From(request.Convenience),
            Reliability = WaterCheck.From(request.Reliability),
            AssessedOn = assessedOn,
            Assessor = request.Assessor.Trim(),
            Source = WaterAssessmentSource.Officer,
            RecordedBy = caller.Subject,
            RecordedAt = now,
        };
        db.Add(assessment);
        db.Audit(context, "water.assessment.record", "Household", id);
        await db.SaveAndReassessAsync(assessor, [id], context.CancellationToken);
        var row = await db.Guarantees.AsNoTracking().SingleAsync(g => g.HouseholdId == id, context.CancellationToken);
        return new RecordWaterAssessmentResponse { Assessment = assessment.ToMessage(), Water = row.Water.ToMessage() };
    }

    [Allow(Roles.Readers, "read water assessments")]
    public override async Task<ListWaterAssessmentsResponse> ListWaterAssessments(ListWaterAssessmentsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");
        violations.ThrowIfAny();

        await AssistanceAccess.VisibleHouseholdAsync(db, caller, id, context.CancellationToken);
        var all = db.Set<WaterAssessment>().AsNoTracking().Where(a => a.HouseholdId == id);
        var total = await all.CountAsync(context.CancellationToken);
        var rows = await all.Where(a => after == null || a.Id.CompareTo(after.Value) < 0)
            .OrderByDescending(a => a.Id).Take(page.Size + 1).ToListAsync(context.CancellationToken);
        var current = WaterRule.Latest(await all.ToListAsync(context.CancellationToken));

        db.Audit(context, "water.assessment.read", "Household", id);
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ListWaterAssessmentsResponse
        {
            CurrentAssessmentId = current?.Id.ToString() ?? "",
            Page = Paging.Response(rows, page, total, a => a.Id.ToString()),
        };
        response.Assessments.AddRange(rows.Take(page.Size).Select(a => a.ToMessage()));
        return response;
    }

    [Allow(Roles.Readers, "list households without safe water")]
    public override async Task<ListUnsafeWaterHouseholdsResponse> ListUnsafeWaterHouseholds(ListUnsafeWaterHouseholdsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterId(page, violations, "page");
        violations.ThrowIfAny();

        // The stored finding is the rule's answer; NotMet means an assessment exists and fails a dimension.
        var query = db.Guarantees.AsNoTracking().InRegion(g => g.RegionCode, region).Where(g => g.Water.State == GuaranteeState.NotMet);
        var total = await query.CountAsync(context.CancellationToken);
        var rows = await query.Where(g => after == null || g.HouseholdId.CompareTo(after.Value) > 0)
            .OrderBy(g => g.HouseholdId).Take(page.Size + 1).ToListAsync(context.CancellationToken);
        var shown = rows.Take(page.Size).ToList();
        var ids = shown.Select(g => g.HouseholdId).ToList();
        var latest = (await db.Set<WaterAssessment>().AsNoTracking().Where(a => ids.Contains(a.HouseholdId)).ToListAsync(context.CancellationToken))
            .GroupBy(a => a.HouseholdId).ToDictionary(g => g.Key, g => WaterRule.Latest(g)!);

        db.Audit(context, "water.unsafe.list", "Region", region.Value);
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ListUnsafeWaterHouseholdsResponse { Page = Paging.Response(rows, page, total, g => g.HouseholdId.ToString()) };
        foreach (var g in shown)
        {
            var item = new UnsafeWaterHousehold { HouseholdId = g.HouseholdId.ToString(), RegionCode = g.RegionCode, Reason = g.Water.Reason };
            if (latest.TryGetValue(g.HouseholdId, out var a))
            {
                item.LatestAssessmentId = a.Id.ToString();
                item.AssessedOn = a.AssessedOn.ToProto();
                item.FailingDimensions.AddRange(a.FailingDimensions.Select(d => d.ToProto()));
            }

            response.Households.Add(item);
        }

        return response;
    }

    [Allow(Roles.DepartmentClient, "push water assessments")]
    public override async Task<ImportWaterAssessmentsResponse> ImportWaterAssessments(IAsyncStreamReader<ImportWaterAssessmentsRequest> requestStream, ServerCallContext context)
    {
        var report = await importer.ImportAsync(requestStream, context, departmentRows, m => m.Header, m => m.Row);
        return new ImportWaterAssessmentsResponse { Report = report };
    }

    [Allow(Roles.DepartmentClient, "push water assessments")]
    public override async Task<PushWaterAssessmentsResponse> PushWaterAssessments(PushWaterAssessmentsRequest request, ServerCallContext context) =>
        new() { Report = await importer.ImportAsync(request.Header, request.Rows, context, departmentRows) };
}
