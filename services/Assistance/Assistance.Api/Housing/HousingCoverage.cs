using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Coverage;
using Platform.Assistance.Data;
using Platform.Persistence;
using GuaranteeState = Platform.Assistance.Guarantees.GuaranteeState;

namespace Platform.Assistance.Housing;

/// <summary>Houses appraised (住房安全鉴定全覆盖) and dangerous houses still lived in, per region.</summary>
public sealed class HousingCoverage : ICoverageContributor
{
    public async Task ContributeAsync(AssistanceDbContext db, CoverageScope scope, IReadOnlyDictionary<string, RegionCoverage> byKey, CancellationToken ct)
    {
        var keys = scope.Keys.ToList();
        var appraised = await db.Households
            .InRegion(h => h.RegionCode, scope.Prefix)
            .Where(h => keys.Contains(h.RegionCode.Substring(0, scope.KeyLength)) && db.Set<HouseAppraisal>().Any(a => a.HouseholdId == h.Id))
            .GroupBy(h => h.RegionCode.Substring(0, scope.KeyLength))
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in appraised)
        {
            byKey[row.Key].HousesAppraised = row.Count;
        }

        // The stored finding is not met exactly when the latest appraisal is C/D without an accepted renovation.
        var dangerous = await db.Guarantees
            .InRegion(g => g.RegionCode, scope.Prefix)
            .Where(g => g.Housing.State == GuaranteeState.NotMet && keys.Contains(g.RegionCode.Substring(0, scope.KeyLength)))
            .GroupBy(g => g.RegionCode.Substring(0, scope.KeyLength))
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var row in dangerous)
        {
            byKey[row.Key].DangerousHousesRemaining = row.Count;
        }
    }
}
