using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Data;
using Platform.Assistance.Exchange;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Health;

/// <summary>
/// The health department's enrolments (数据比对). A row says the person is enrolled for the year.
/// A member has one enrolment per year, so a row updates that enrolment whoever recorded it; the
/// record key ties the department's record to it, and a key already naming another member or
/// year is refused rather than silently moving the enrolment.
/// </summary>
public sealed class InsuranceEnrolmentRows(DepartmentMembers members, TimeProvider time) : IDepartmentRows<InsuranceEnrolmentRow>
{
    public DepartmentKind Kind => DepartmentKind.Health;

    public void Validate(InsuranceEnrolmentRow row, FieldViolations problems)
    {
        members.Validate(row.NationalId, "national_id", problems);
        HealthValidation.Premium(row.Premium, row.Subsidised, problems);
        HealthValidation.Required(row.RecordKey, problems, "record_key");
    }

    public async Task ApplyAsync(AssistanceDbContext db, Caller caller, IReadOnlyList<DepartmentRow<InsuranceEnrolmentRow>> rows, CancellationToken ct)
    {
        var resolved = await members.ResolveAsync(db, caller, rows, r => r.NationalId, "national_id", ct);
        var householdIds = resolved.Values.Select(m => m.HouseholdId).Distinct().ToList();
        var regions = await db.Households.Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.RegionCode, ct);
        var memberIds = resolved.Values.Select(m => m.Id).Distinct().ToList();
        var keys = resolved.Keys.Select(r => r.Row.RecordKey.Trim()).Distinct().ToList();
        var existing = await db.Set<InsuranceEnrolment>().Where(e => memberIds.Contains(e.MemberId) || (e.RecordKey != null && keys.Contains(e.RecordKey))).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;

        foreach (var (row, member) in resolved.OrderBy(r => r.Key.Position))
        {
            var key = row.Row.RecordKey.Trim();
            var (premium, subsidised) = (row.Row.Premium.Fen, row.Row.Subsidised.Fen);
            var byKey = existing.FirstOrDefault(e => e.RecordKey == key);
            if (byKey is not null && (byKey.MemberId != member.Id || byKey.Year != row.Row.Year))
            {
                row.Reject("record_key", "already names the enrolment of another member or year");
                continue;
            }

            var enrolment = byKey ?? existing.FirstOrDefault(e => e.MemberId == member.Id && e.Year == row.Row.Year);
            if (enrolment is not null && enrolment.RecordKey == key && enrolment.Status == EnrolmentStatus.Enrolled
                && enrolment.PremiumFen == premium && enrolment.SubsidisedFen == subsidised)
            {
                row.Unchanged();
                continue;
            }

            if (enrolment is null)
            {
                enrolment = new InsuranceEnrolment
                {
                    Id = Guid.CreateVersion7(), HouseholdId = member.HouseholdId, MemberId = member.Id, Year = row.Row.Year,
                    RegionCode = regions[member.HouseholdId], Source = "department", RecordedBy = caller.Subject,
                };
                db.Add(enrolment);
                existing.Add(enrolment);
            }

            (enrolment.PremiumFen, enrolment.SubsidisedFen, enrolment.Status) = (premium, subsidised, EnrolmentStatus.Enrolled);
            (enrolment.Source, enrolment.RecordKey, enrolment.RecordedBy, enrolment.RecordedAt) = ("department", key, caller.Subject, now);
            (enrolment.HouseholdId, enrolment.RegionCode) = (member.HouseholdId, regions[member.HouseholdId]);
            row.Applied(member.HouseholdId);
        }
    }
}
