using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Coverage;
using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.Persistence;
using GuaranteeState = Platform.Assistance.Guarantees.GuaranteeState;

namespace Platform.Assistance.Water;

/// <summary>Households with any water assessment, and those whose water guarantee is met (latest assessment meets all four).</summary>
public sealed class WaterCoverage : ICoverageContributor
{
    public async Task ContributeAsync(AssistanceDbContext db, CoverageScope scope, IReadOnlyDictionary<string, RegionCoverage> byKey, CancellationToken ct)
    {
        var keys = scope.Keys.ToList();
        var assessed = await db.Households
            .InRegion(h => h.RegionCode, scope.Prefix)
            .Where(h => keys.Contains(h.RegionCode.Substring(0, scope.KeyLength)) && db.Set<WaterAssessment>().Any(a => a.HouseholdId == h.Id))
            .GroupBy(h => h.RegionCode.Substring(0, scope.KeyLength))
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in assessed)
        {
            byKey[row.Key].WaterAssessedHouseholds = row.Count;
        }

        var safe = await db.Guarantees
            .InRegion(g => g.RegionCode, scope.Prefix)
            .Where(g => g.Water.State == GuaranteeState.Met && keys.Contains(g.RegionCode.Substring(0, scope.KeyLength)))
            .GroupBy(g => g.RegionCode.Substring(0, scope.KeyLength))
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in safe)
        {
            byKey[row.Key].WaterSafeHouseholds = row.Count;
        }
    }
}
