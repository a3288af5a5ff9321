using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Coverage;
using Platform.Assistance.Data;
using Platform.Persistence;

namespace Platform.Assistance.Health;

/// <summary>
/// Insurance coverage: the current members of the replica's households under each region (the
/// same households RegionCoverage.households counts, registered or exited), those enrolled for the
/// year, and the households flagged for out-of-pocket costs above the year's limit.
/// </summary>
public sealed class HealthCoverage : ICoverageContributor
{
    public async Task ContributeAsync(AssistanceDbContext db, CoverageScope scope, IReadOnlyDictionary<string, RegionCoverage> byKey, CancellationToken ct)
    {
        var keys = scope.Keys.ToList();
        var members = db.Members.Where(m => m.IsCurrent)
            .Join(db.Households.InRegion(h => h.RegionCode, scope.Prefix).Where(h => keys.Contains(h.RegionCode.Substring(0, scope.KeyLength))), m => m.HouseholdId, h => h.Id, (m, h) => new { m.Id, h.RegionCode });

        var all = await members.GroupBy(m => m.RegionCode.Substring(0, scope.KeyLength)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var row in all)
        {
            byKey[row.Key].Members = row.Count;
        }

        // Asked per member (EXISTS by member id), not as the year's enrolled members: that list is every enrolment of the province.
        var enrolments = db.Set<InsuranceEnrolment>();
        var insured = await members.Where(m => enrolments.Any(e => e.MemberId == m.Id && e.Year == scope.Year && e.Status == EnrolmentStatus.Enrolled))
            .GroupBy(m => m.RegionCode.Substring(0, scope.KeyLength)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var row in insured)
        {
            byKey[row.Key].MembersInsured = row.Count;
        }

        var flagged = await db.Set<HouseholdMedicalYear>()
            .InRegion(y => y.RegionCode, scope.Prefix)
            .Where(y => y.Year == scope.Year && y.Flagged && keys.Contains(y.RegionCode.Substring(0, scope.KeyLength)))
            .GroupBy(y => y.RegionCode.Substring(0, scope.KeyLength)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var row in flagged)
        {
            byKey[row.Key].OutOfPocketFlaggedHouseholds = row.Count;
        }
    }
}
