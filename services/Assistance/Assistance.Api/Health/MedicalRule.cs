using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Households;

namespace Platform.Assistance.Health;

/// <summary>
/// 基本医疗有保障, for the assessment year:
/// <list type="bullet">
/// <item>NotMet when the household's compliant out-of-pocket share of hospitalisation costs in the
/// year is above the limit (10% by default): insurance on paper did not protect it. This comes
/// first because it is a known fact even when enrolments are still missing.</item>
/// <item>Unknown when no current member has any enrolment record for the year: nothing is known yet
/// (the department's push may still be on its way), which blocks exit like NotMet.</item>
/// <item>NotMet when some current member has no enrolment, or only a lapsed one; the reason says how many.</item>
/// <item>Met when every current member is enrolled.</item>
/// </list>
/// Enrolments of former members do not count either way. The deciding record is the enrolment
/// written last, or the hospitalisation record written last when the household is flagged.
/// </summary>
public sealed class MedicalRule : IGuaranteeRule
{
    public Guarantee Guarantee => Guarantee.Medical;

    public static GuaranteeFinding Decide(int year, IReadOnlyCollection<Guid> currentMembers, IReadOnlyCollection<InsuranceEnrolment> enrolments, HouseholdMedicalYear? costs, decimal outOfPocketShareLimit)
    {
        if (costs is not null && MedicalCosts.AboveLimit(costs.CompliantOutOfPocketFen, costs.CompliantFen, outOfPocketShareLimit))
        {
            var share = MedicalCosts.Share(costs.CompliantOutOfPocketFen, costs.CompliantFen);
            return GuaranteeFinding.NotMet(
                FormattableString.Invariant($"out-of-pocket share of compliant hospitalisation costs in {year} is {share * 100:0.#}%, above the limit of {outOfPocketShareLimit * 100:0.#}%"),
                $"expense:{costs.LatestRecordId}");
        }

        var ofMembers = enrolments.Where(e => e.Year == year && currentMembers.Contains(e.MemberId)).ToList();
        if (ofMembers.Count == 0)
        {
            return GuaranteeFinding.Unknown($"no basic medical insurance record for {year} yet");
        }

        var latest = ofMembers.OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).Last();
        var enrolled = ofMembers.Where(e => e.Status == EnrolmentStatus.Enrolled).Select(e => e.MemberId).ToHashSet();
        var missing = currentMembers.Count(m => !enrolled.Contains(m));
        return missing == 0
            ? GuaranteeFinding.Met($"all {currentMembers.Count} members enrolled in basic medical insurance for {year}", $"enrolment:{latest.Id}")
            : GuaranteeFinding.NotMet($"{missing} of {currentMembers.Count} members not enrolled in basic medical insurance for {year}", $"enrolment:{latest.Id}");
    }

    public async Task<IReadOnlyDictionary<Guid, GuaranteeFinding>> AssessAsync(AssistanceDbContext db, IReadOnlyList<AssistedHousehold> households, AssessmentDay day, CancellationToken ct)
    {
        var year = day.Date.Year;
        var ids = households.Select(h => h.Id).ToList();
        var members = households.SelectMany(h => h.CurrentMembers).Select(m => m.Id).ToList();
        var enrolments = (await db.Set<InsuranceEnrolment>().Where(e => e.Year == year && members.Contains(e.MemberId)).ToListAsync(ct))
            .ToLookup(e => e.MemberId);
        var costs = await db.Set<HouseholdMedicalYear>().Where(c => c.Year == year && ids.Contains(c.HouseholdId)).ToDictionaryAsync(c => c.HouseholdId, ct);
        return households.ToDictionary(
            h => h.Id,
            h => Decide(year, h.CurrentMembers.Select(m => m.Id).ToList(), h.CurrentMembers.SelectMany(m => enrolments[m.Id]).ToList(), costs.GetValueOrDefault(h.Id), day.Policy.OutOfPocketShareLimit));
    }
}
