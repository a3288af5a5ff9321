using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Coverage;
using Platform.Assistance.Data;
using Platform.Assistance.Policy;
using Platform.Persistence;

namespace Platform.Assistance.Education;

/// <summary>
/// Compulsory-age children, those enrolled or exempt, and open dropout-risk cases per region. The
/// figures are as of today (the window and enrolments are a day's facts), whatever year is asked.
/// </summary>
public sealed class EducationCoverage(AssistancePolicy policy) : ICoverageContributor
{
    public async Task ContributeAsync(AssistanceDbContext db, CoverageScope scope, IReadOnlyDictionary<string, RegionCoverage> byKey, CancellationToken ct)
    {
        var keys = scope.Keys.ToList();
        var length = scope.KeyLength;
        var today = scope.Today;
        var year = policy.For(today.Year);
        // Of age from..to on today: born after today minus (to + 1) years and on or before today minus from years.
        var bornAfter = today.AddYears(-(year.CompulsoryEducationToAge + 1));
        var bornBy = today.AddYears(-year.CompulsoryEducationFromAge);
        var schoolYear = CompulsoryEducation.SchoolYearOf(today);

        var children = db.Members
            .Where(m => m.IsCurrent && m.BirthDate > bornAfter && m.BirthDate <= bornBy)
            .Join(db.Households.InRegion(h => h.RegionCode, scope.Prefix).Where(h => keys.Contains(h.RegionCode.Substring(0, length))), m => m.HouseholdId, h => h.Id, (m, h) => new { m.Id, Key = h.RegionCode.Substring(0, length) });
        var counts = await children
            .Select(c => new
            {
                c.Key,
                Covered = db.Set<Enrolment>().Any(e => e.MemberId == c.Id && e.SchoolYear == schoolYear && (e.WithdrawnOn == null || e.WithdrawnOn > today))
                    || db.Set<EducationExemption>().Any(x => x.MemberId == c.Id && x.From <= today && (x.Until == null || x.Until >= today)),
            })
            .GroupBy(c => c.Key)
            .Select(g => new { g.Key, Children = g.Count(), Covered = g.Count(c => c.Covered) })
            .ToListAsync(ct);
        foreach (var row in counts)
        {
            byKey[row.Key].CompulsoryAgeChildren = row.Children;
            byKey[row.Key].CompulsoryAgeCovered = row.Covered;
        }

        var cases = await db.Set<DropoutCase>()
            .InRegion(c => c.RegionCode, scope.Prefix)
            .Where(c => c.ClosedAt == null && keys.Contains(c.RegionCode.Substring(0, length)))
            .GroupBy(c => c.RegionCode.Substring(0, length))
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in cases)
        {
            byKey[row.Key].DropoutCasesOpen = row.Count;
        }
    }
}
