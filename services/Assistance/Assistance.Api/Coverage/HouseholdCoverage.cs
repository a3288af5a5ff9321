using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Data;
using Platform.Persistence;

namespace Platform.Assistance.Coverage;

/// <summary>The household counts: how many households, and how many with all five guarantees met.</summary>
public sealed class HouseholdCoverage : ICoverageContributor
{
    public async Task ContributeAsync(AssistanceDbContext db, CoverageScope scope, IReadOnlyDictionary<string, RegionCoverage> byKey, CancellationToken ct)
    {
        var keys = scope.Keys.ToList();
        var households = await db.Households
            .InRegion(h => h.RegionCode, scope.Prefix)
            .Where(h => keys.Contains(h.RegionCode.Substring(0, scope.KeyLength)))
            .GroupBy(h => h.RegionCode.Substring(0, scope.KeyLength))
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in households)
        {
            byKey[row.Key].Households = row.Count;
        }

        var allMet = await db.Guarantees
            .InRegion(g => g.RegionCode, scope.Prefix)
            .Where(g => g.AllMet && keys.Contains(g.RegionCode.Substring(0, scope.KeyLength)))
            .GroupBy(g => g.RegionCode.Substring(0, scope.KeyLength))
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in allMet)
        {
            byKey[row.Key].HouseholdsAllMet = row.Count;
        }
    }
}
