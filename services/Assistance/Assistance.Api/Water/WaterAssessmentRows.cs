using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Data;
using Platform.Assistance.Exchange;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Water;

/// <summary>The water department's assessments (数据比对): one row per assessment, upserted by the department's record key.</summary>
public sealed class WaterAssessmentRows(DepartmentMembers members, TimeProvider time) : IDepartmentRows<WaterAssessmentRow>
{
    public DepartmentKind Kind => DepartmentKind.Water;

    public void Validate(WaterAssessmentRow row, FieldViolations problems)
    {
        members.Validate(row.NationalId, "national_id", problems);
        WaterValidation.AssessedOn(row.AssessedOn, Today, problems, "assessed_on");
        problems.NotBlank(row.Assessor, "assessor");
        problems.NotBlank(row.RecordKey, "record_key");
    }

    public async Task ApplyAsync(AssistanceDbContext db, Caller caller, IReadOnlyList<DepartmentRow<WaterAssessmentRow>> rows, CancellationToken ct)
    {
        var resolved = await members.ResolveAsync(db, caller, rows, r => r.NationalId, "national_id", ct);
        var householdIds = resolved.Values.Select(m => m.HouseholdId).Distinct().ToList();
        var regions = await db.Households.Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.RegionCode, ct);
        var keys = resolved.Keys.Select(r => r.Row.RecordKey.Trim()).Distinct().ToList();
        var byKey = await db.Set<WaterAssessment>().Where(a => a.RecordKey != null && keys.Contains(a.RecordKey)).ToDictionaryAsync(a => a.RecordKey!, ct);
        var now = time.GetUtcNow().UtcDateTime;

        foreach (var (row, member) in resolved.OrderBy(r => r.Key.Position))
        {
            var incoming = ToAssessment(row.Row, member.HouseholdId, regions[member.HouseholdId], caller, now);
            if (byKey.TryGetValue(incoming.RecordKey!, out var held))
            {
                if (Same(held, incoming))
                {
                    row.Unchanged();
                    continue;
                }

                Copy(incoming, held);
                row.Applied(held.HouseholdId);
                continue;
            }

            incoming.Id = Guid.CreateVersion7();
            db.Add(incoming);
            byKey[incoming.RecordKey!] = incoming;
            row.Applied(incoming.HouseholdId);
        }
    }

    public Task WriteAddedAsync(AssistanceDbContext db, CancellationToken ct) =>
        BulkRows<WaterAssessment>.Supports(db) ? BulkRows<WaterAssessment>.WriteAddedAsync(db, ct) : Task.CompletedTask;

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static WaterAssessment ToAssessment(WaterAssessmentRow row, Guid householdId, string regionCode, Caller caller, DateTime now) => new()
    {
        HouseholdId = householdId,
        RegionCode = regionCode,
        Quantity = WaterCheck.Of(row.QuantityMet),
        Quality = WaterCheck.Of(row.QualityMet),
        Convenience = WaterCheck.Of(row.ConvenienceMet),
        Reliability = WaterCheck.Of(row.ReliabilityMet),
        AssessedOn = row.AssessedOn.ToDateOnly()!.Value,
        Assessor = row.Assessor.Trim(),
        Source = WaterAssessmentSource.WaterDepartment,
        RecordKey = row.RecordKey.Trim(),
        RecordedBy = caller.Subject,
        RecordedAt = now,
    };

    private static bool Same(WaterAssessment held, WaterAssessment incoming) =>
        held.HouseholdId == incoming.HouseholdId && held.AssessedOn == incoming.AssessedOn && held.Assessor == incoming.Assessor
        && Enum.GetValues<WaterDimension>().All(d => held.Check(d).SameAs(incoming.Check(d)));

    /// <summary>A corrected record replaces the held one's content; its new recording time lets it answer a project completed since.</summary>
    private static void Copy(WaterAssessment from, WaterAssessment to)
    {
        to.HouseholdId = from.HouseholdId;
        to.RegionCode = from.RegionCode;
        to.Quantity = from.Quantity;
        to.Quality = from.Quality;
        to.Convenience = from.Convenience;
        to.Reliability = from.Reliability;
        to.AssessedOn = from.AssessedOn;
        to.Assessor = from.Assessor;
        to.RecordedBy = from.RecordedBy;
        to.RecordedAt = from.RecordedAt;
    }
}

/// <summary>Checks shared by the officers' and the department's assessments, beyond water.proto's own rules.</summary>
public static class WaterValidation
{
    public static DateOnly AssessedOn(Pa.Common.V1.Date? date, DateOnly today, FieldViolations problems, string field)
    {
        var day = date.ToDateOnly();
        problems.Check(day is not null, field, "must be a real date");
        problems.Check(day is null || day <= today, field, "must not be in the future");
        problems.Check(day is null || day.Value.Year >= 2000, field, "must be in 2000 or later");
        return day ?? today;
    }
}
