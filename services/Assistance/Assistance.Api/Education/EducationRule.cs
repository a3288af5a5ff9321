using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Households;
using Platform.Assistance.Policy;

namespace Platform.Assistance.Education;

/// <summary>
/// 义务教育有保障: met when every current member of compulsory-education age is enrolled or exempt
/// (see <see cref="CompulsoryEducation"/> for what counts), not met while any is neither — the
/// finding names the child's open dropout-risk case, which <see cref="DropoutCaseStep"/> opened
/// in the same assessment. A household without members is unknown.
/// </summary>
public sealed class EducationRule : IGuaranteeRule
{
    public Guarantee Guarantee => Guarantee.Education;

    public static GuaranteeFinding? Decide(AssistedHousehold household, IReadOnlyList<ChildStanding> children, Func<Guid, DropoutCase?> openCaseOf, YearPolicy policy)
    {
        if (!household.CurrentMembers.Any())
        {
            return null;
        }

        if (children.Count == 0)
        {
            return GuaranteeFinding.Met(
                $"no child of compulsory-education age ({policy.CompulsoryEducationFromAge}–{policy.CompulsoryEducationToAge})", $"household:{household.Id}");
        }

        var atRisk = children.Where(c => c.Kind == ChildStandingKind.AtRisk).OrderBy(c => c.Child.BirthDate).ThenBy(c => c.Child.Id).ToList();
        if (atRisk.Count > 0)
        {
            var first = openCaseOf(atRisk[0].Child.Id);
            var named = first is null ? "" : $"; dropout-risk case {first.Id}";
            var who = atRisk.Count == 1 ? "1 child" : $"{atRisk.Count} children";
            return GuaranteeFinding.NotMet(
                $"{who} of compulsory-education age neither enrolled nor exempt{named}",
                first is null ? atRisk[0].Record : $"dropout-case:{first.Id}");
        }

        var latest = children.OrderBy(c => c.RecordedAt).ThenBy(c => c.Record, StringComparer.Ordinal).Last();
        var all = children.Count == 1 ? "the child" : $"all {children.Count} children";
        return GuaranteeFinding.Met($"{all} of compulsory-education age enrolled or exempt", latest.Record);
    }

    public async Task<IReadOnlyDictionary<Guid, GuaranteeFinding>> AssessAsync(AssistanceDbContext db, IReadOnlyList<AssistedHousehold> households, AssessmentDay day, CancellationToken ct)
    {
        var standings = await CompulsoryEducation.StandingsAsync(db, households, day, ct);
        var byHousehold = standings.Values.ToLookup(s => s.HouseholdId);
        var openCases = db.Set<DropoutCase>().Local.Where(c => c.IsOpen).ToList();
        var findings = new Dictionary<Guid, GuaranteeFinding>();
        foreach (var household in households)
        {
            var finding = Decide(household, byHousehold[household.Id].ToList(), member => openCases.FirstOrDefault(c => c.HouseholdId == household.Id && c.MemberId == member), day.Policy);
            if (finding is not null)
            {
                findings[household.Id] = finding;
            }
        }

        return findings;
    }
}
