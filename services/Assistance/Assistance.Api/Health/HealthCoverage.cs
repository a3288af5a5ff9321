using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Coverage;
using Platform.Assistance.Data;

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
            .Join(db.Households.Where(h => keys.Contains(h.RegionCode.Substring(0, scope.KeyLength))), m => m.HouseholdId, h => h.Id, (m, h) => new { m.Id, h.RegionCode });

        var all = await members.GroupBy(m => m.RegionCode.Substring(0, scope.KeyLength)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var row in all)
        {
            byKey[row.Key].Members = row.Count;
        }

        var enrolled = db.Set<InsuranceEnrolment>().Where(e => e.Year == scope.Year && e.Status == EnrolmentStatus.Enrolled).Select(e => e.MemberId);
        var insured = await members.Where(m => enrolled.Contains(m.Id))
            .GroupBy(m => m.RegionCode.Substring(0, scope.KeyLength)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var row in insured)
        {
            byKey[row.Key].MembersInsured = row.Count;
        }

        var flagged = await db.Set<HouseholdMedicalYear>()
            .Where(y => y.Year == scope.Year && y.Flagged && keys.Contains(y.RegionCode.Substring(0, scope.KeyLength)))
            .GroupBy(y => y.RegionCode.Substring(0, scope.KeyLength)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var row in flagged)
        {
            byKey[row.Key].OutOfPocketFlaggedHouseholds = row.Count;
        }
    }
}
