using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Households;
using Platform.Assistance.Policy;

namespace Platform.Assistance.Education;

public enum ChildStandingKind
{
    Enrolled,
    Exempt,
    AtRisk,
}

/// <summary>
/// Where a child of compulsory-education age stands on a day: enrolled, exempt or at risk of dropping
/// out; the record that says so ("enrolment:…", "exemption:…", or "member:…" when at risk) and when it was recorded.
/// </summary>
public sealed record ChildStanding(Guid HouseholdId, AssistedMember Child, ChildStandingKind Kind, string Record, string Detail, DateTime RecordedAt);

/// <summary>
/// 义务教育: the compulsory-education window and what counts as covered.
/// A school year runs 1 September to 31 August and is named by its first year (2025 = 2025–26).
/// A child is enrolled on a day when an enrolment for the school year containing that day was not
/// withdrawn on or before the day. Any stage counts, not only preschool to junior: a 15-year-old
/// already in senior or vocational school has not dropped out. A child is exempt on a day an
/// exemption covers (From ≤ day ≤ Until, or no Until). The registry's schooling status is not
/// consulted for coverage: a child the registry lists as "DroppedOut" but whom the education
/// department (or an officer) records as enrolled is covered, because the enrolment is the newer,
/// first-hand information; the registry's status only names the reason of a case that is opened.
/// </summary>
public static class CompulsoryEducation
{
    public static int SchoolYearOf(DateOnly day) => day.Month >= 9 ? day.Year : day.Year - 1;

    /// <summary>Of compulsory-education age (policy's from..to, inclusive, in whole years) on the day.</summary>
    public static bool InWindow(AssistedMember member, DateOnly day, YearPolicy policy)
    {
        var age = member.AgeOn(day);
        return age >= policy.CompulsoryEducationFromAge && age <= policy.CompulsoryEducationToAge;
    }

    public static bool IsCurrent(Enrolment enrolment, DateOnly day) =>
        enrolment.SchoolYear == SchoolYearOf(day) && (enrolment.WithdrawnOn is null || enrolment.WithdrawnOn > day);

    public static bool Covers(EducationExemption exemption, DateOnly day) =>
        exemption.From <= day && (exemption.Until is null || day <= exemption.Until);

    /// <summary>The child's standing, or null when the child is outside the window on the day.</summary>
    public static ChildStanding? Assess(Guid householdId, AssistedMember child, IEnumerable<Enrolment> enrolments, IEnumerable<EducationExemption> exemptions, DateOnly day, YearPolicy policy)
    {
        if (!InWindow(child, day, policy))
        {
            return null;
        }

        var enrolment = enrolments.Where(e => e.MemberId == child.Id && IsCurrent(e, day)).MaxBy(e => e.RecordedAt);
        if (enrolment is not null)
        {
            return new ChildStanding(householdId, child, ChildStandingKind.Enrolled, $"enrolment:{enrolment.Id}", $"enrolled at {enrolment.SchoolName}", enrolment.RecordedAt);
        }

        var exemption = exemptions.Where(x => x.MemberId == child.Id && Covers(x, day)).MaxBy(x => x.RecordedAt);
        if (exemption is not null)
        {
            return new ChildStanding(householdId, child, ChildStandingKind.Exempt, $"exemption:{exemption.Id}", $"exempt ({exemption.Kind})", exemption.RecordedAt);
        }

        return new ChildStanding(householdId, child, ChildStandingKind.AtRisk, $"member:{child.Id}", "neither enrolled nor exempt", DateTime.MinValue);
    }

    /// <summary>The standings of every current member in the window of each household, by member id, from the database's records.</summary>
    public static async Task<Dictionary<Guid, ChildStanding>> StandingsAsync(AssistanceDbContext db, IReadOnlyList<AssistedHousehold> households, AssessmentDay day, CancellationToken ct)
    {
        var children = households
            .SelectMany(h => h.CurrentMembers.Where(m => InWindow(m, day.Date, day.Policy)).Select(m => (Household: h, Child: m)))
            .ToList();
        if (children.Count == 0)
        {
            return [];
        }

        var ids = children.Select(c => c.Child.Id).ToList();
        var schoolYear = SchoolYearOf(day.Date);
        var date = day.Date;
        var enrolments = await db.Set<Enrolment>().AsNoTracking()
            .Where(e => ids.Contains(e.MemberId) && e.SchoolYear == schoolYear)
            .ToListAsync(ct);
        var exemptions = await db.Set<EducationExemption>().AsNoTracking()
            .Where(x => ids.Contains(x.MemberId) && x.From <= date && (x.Until == null || x.Until >= date))
            .ToListAsync(ct);

        var standings = new Dictionary<Guid, ChildStanding>();
        foreach (var (household, child) in children)
        {
            standings[child.Id] = Assess(household.Id, child, enrolments, exemptions, day.Date, day.Policy)!;
        }

        return standings;
    }
}
