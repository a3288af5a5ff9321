using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;
using Platform.Assistance.Exchange;
using Platform.Security;
using Platform.ServiceDefaults;
using Proto = Pa.Assistance.V1;

namespace Platform.Assistance.Housing;

/// <summary>Appraisals pushed by the housing department, matched to households by the national ID of any current member, upserted by record key.</summary>
public sealed class HouseAppraisalRows(DepartmentMembers members, TimeProvider time) : IDepartmentRows<Proto.HouseAppraisalRow>
{
    public DepartmentKind Kind => DepartmentKind.Housing;

    public void Validate(Proto.HouseAppraisalRow row, FieldViolations problems)
    {
        members.Validate(row.NationalId, "national_id", problems);
        HousingValidation.PastDate(row.AppraisedOn, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), problems, "appraised_on");
        HousingValidation.Appraiser(row.Appraiser, problems, "appraiser");
        problems.NotBlank(row.RecordKey, "record_key");
    }

    public async Task ApplyAsync(AssistanceDbContext db, Caller caller, IReadOnlyList<DepartmentRow<Proto.HouseAppraisalRow>> rows, CancellationToken ct)
    {
        var resolved = await members.ResolveAsync(db, caller, rows, r => r.NationalId, "national_id", ct);
        var keys = resolved.Keys.Select(r => r.Row.RecordKey.Trim()).Distinct().ToList();
        var held = await db.Set<HouseAppraisal>().Where(a => a.RecordKey != null && keys.Contains(a.RecordKey)).ToDictionaryAsync(a => a.RecordKey!, ct);
        var now = time.GetUtcNow().UtcDateTime;

        foreach (var (row, member) in resolved.OrderBy(r => r.Key.Position))
        {
            var key = row.Row.RecordKey.Trim();
            var grade = row.Row.Grade.ToGrade()!.Value;
            var appraisedOn = row.Row.AppraisedOn.ToDateOnly()!.Value;
            var name = row.Row.Appraiser.Name.Trim();
            var organisation = row.Row.Appraiser.Organisation.Trim();
            if (!held.TryGetValue(key, out var appraisal))
            {
                held[key] = db.Set<HouseAppraisal>().Add(new HouseAppraisal
                {
                    Id = Guid.CreateVersion7(),
                    HouseholdId = member.HouseholdId,
                    Grade = grade,
                    AppraisedOn = appraisedOn,
                    AppraiserName = name,
                    AppraiserOrganisation = organisation,
                    Source = AppraisalSource.Department,
                    RecordKey = key,
                    RecordedBy = caller.Subject,
                    RecordedAt = now,
                }).Entity;
                row.Applied(member.HouseholdId);
            }
            else if (appraisal.HouseholdId != member.HouseholdId)
            {
                // A key names one appraisal of one house; moving it would leave the first household's finding unexplained.
                row.Reject("record_key", "is already the key of an appraisal of another household");
            }
            else if (appraisal.Grade == grade && appraisal.AppraisedOn == appraisedOn && appraisal.AppraiserName == name && appraisal.AppraiserOrganisation == organisation)
            {
                row.Unchanged();
            }
            else
            {
                (appraisal.Grade, appraisal.AppraisedOn, appraisal.AppraiserName, appraisal.AppraiserOrganisation) = (grade, appraisedOn, name, organisation);
                appraisal.RecordedBy = caller.Subject;
                appraisal.RecordedAt = now;
                row.Applied(member.HouseholdId);
            }
        }
    }
}
