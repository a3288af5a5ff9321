using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Data;
using Platform.Assistance.Exchange;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Education;

/// <summary>The education department's enrolment rows: checked one by one, then upserted by the department's record key.</summary>
public sealed class EnrolmentRows(DepartmentMembers members, TimeProvider time) : IDepartmentRows<EnrolmentRow>
{
    public DepartmentKind Kind => DepartmentKind.Education;

    public void Validate(EnrolmentRow row, FieldViolations problems)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        members.Validate(row.NationalId, "national_id", problems);
        problems.NotBlank(row.School, "school");
        EducationValidation.SchoolYear(row.SchoolYear, today, problems, "school_year");
        problems.NotBlank(row.RecordKey, "record_key");
        if (row.WithdrawnOn is not null)
        {
            EducationValidation.PastDate(row.WithdrawnOn, today, problems, "withdrawn_on");
        }
    }

    public async Task ApplyAsync(AssistanceDbContext db, Caller caller, IReadOnlyList<DepartmentRow<EnrolmentRow>> rows, CancellationToken ct)
    {
        var resolved = await members.ResolveAsync(db, caller, rows, r => r.NationalId, "national_id", ct);
        var householdIds = resolved.Values.Select(m => m.HouseholdId).Distinct().ToList();
        var regions = await db.Households.Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.RegionCode, ct);
        var keys = resolved.Keys.Select(r => r.Row.RecordKey.Trim()).Distinct().ToList();
        var byKey = await db.Set<Enrolment>().Where(e => e.RecordKey != null && keys.Contains(e.RecordKey)).ToDictionaryAsync(e => e.RecordKey!, ct);
        var now = time.GetUtcNow().UtcDateTime;

        foreach (var (row, member) in resolved.OrderBy(r => r.Key.Position))
        {
            var r = row.Row;
            var key = r.RecordKey.Trim();
            var stage = (SchoolStage)r.Stage;
            var school = r.School.Trim();
            var withdrawn = r.WithdrawnOn.ToDateOnly();
            if (!byKey.TryGetValue(key, out var enrolment))
            {
                enrolment = new Enrolment
                {
                    Id = Guid.CreateVersion7(),
                    RegionCode = regions[member.HouseholdId],
                    SchoolName = school,
                    Source = EnrolmentSource.Department,
                    RecordKey = key,
                    RecordedBy = caller.Subject,
                };
                db.Add(enrolment);
                byKey[key] = enrolment;
            }
            else if (enrolment.MemberId == member.Id && enrolment.HouseholdId == member.HouseholdId && enrolment.Stage == stage && enrolment.SchoolName == school
                     && enrolment.Grade == r.Grade && enrolment.SchoolYear == r.SchoolYear && enrolment.WithdrawnOn == withdrawn)
            {
                row.Unchanged();
                continue;
            }

            (enrolment.MemberId, enrolment.HouseholdId, enrolment.RegionCode) = (member.Id, member.HouseholdId, regions[member.HouseholdId]);
            (enrolment.Stage, enrolment.SchoolName, enrolment.Grade, enrolment.SchoolYear, enrolment.WithdrawnOn) = (stage, school, r.Grade, r.SchoolYear, withdrawn);
            (enrolment.RecordedBy, enrolment.RecordedAt) = (caller.Subject, now);
            row.Applied(member.HouseholdId);
        }
    }
}
