using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Data;
using GuaranteeState = Platform.Assistance.Guarantees.GuaranteeState;
using Platform.Persistence;

namespace Platform.Assistance.Coverage;

/// <summary>The household counts: how many households, how many with all five guarantees met, and with each one met.</summary>
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

        // One grouped read of the findings: all five met, and each guarantee met on its own.
        var met = await db.Guarantees
            .InRegion(g => g.RegionCode, scope.Prefix)
            .Where(g => keys.Contains(g.RegionCode.Substring(0, scope.KeyLength)))
            .GroupBy(g => g.RegionCode.Substring(0, scope.KeyLength))
            .Select(g => new
            {
                g.Key,
                AllMet = g.Count(x => x.AllMet),
                Food = g.Count(x => x.FoodAndClothing.State == GuaranteeState.Met),
                Education = g.Count(x => x.Education.State == GuaranteeState.Met),
                Medical = g.Count(x => x.Medical.State == GuaranteeState.Met),
                Housing = g.Count(x => x.Housing.State == GuaranteeState.Met),
                Water = g.Count(x => x.Water.State == GuaranteeState.Met),
            })
            .ToListAsync(ct);
        foreach (var row in met)
        {
            var coverage = byKey[row.Key];
            coverage.HouseholdsAllMet = row.AllMet;
            coverage.HouseholdsFoodAndClothingMet = row.Food;
            coverage.HouseholdsEducationMet = row.Education;
            coverage.HouseholdsMedicalMet = row.Medical;
            coverage.HouseholdsHousingMet = row.Housing;
            coverage.HouseholdsWaterMet = row.Water;
        }
    }
}
