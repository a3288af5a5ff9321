using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Data;
using Platform.Persistence;
using Platform.Security;

namespace Platform.Assistance.Coverage;

/// <summary>Builds coverage figures for regions by asking every area for its part.</summary>
public sealed class CoverageReader(AssistanceDbContext db, IEnumerable<ICoverageContributor> contributors, TimeProvider time)
{
    /// <summary>Coverage of one region.</summary>
    public async Task<RegionCoverage> ForRegionAsync(RegionCode region, int year, CancellationToken ct)
    {
        var key = region.SignificantPrefix;
        var result = await BuildAsync([key], key.Length, year, ct);
        var coverage = result[key];
        coverage.RegionCode = region.Value;
        return coverage;
    }

    /// <summary>
    /// The child regions of <paramref name="parent"/> that have households, in code order after
    /// <paramref name="after"/>: up to <paramref name="take"/> of them, and how many there are in all.
    /// </summary>
    public async Task<(IReadOnlyList<string> Children, int Total)> ChildKeysAsync(RegionCode parent, string? after, int take, CancellationToken ct)
    {
        if (parent.Level == RegionLevel.Village)
        {
            return ([], 0);
        }

        var length = ChildKeyLength(parent.Level);
        var children = db.Households.InRegion(h => h.RegionCode, parent).Select(h => h.RegionCode.Substring(0, length)).Distinct();
        var total = await children.CountAsync(ct);
        var page = await children.Where(c => after == null || string.Compare(c, after) > 0).OrderBy(c => c).Take(take).ToListAsync(ct);
        return (page, total);
    }

    /// <summary>Coverage for each key (a child-region prefix of one length); region codes padded to 12 digits.</summary>
    public async Task<IReadOnlyDictionary<string, RegionCoverage>> BuildAsync(IReadOnlyCollection<string> keys, int keyLength, int year, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var byKey = keys.ToDictionary(k => k, k => new RegionCoverage { RegionCode = k.PadRight(12, '0'), Year = year });
        var scope = new CoverageScope(keys, keyLength, year, today);
        foreach (var contributor in contributors)
        {
            await contributor.ContributeAsync(db, scope, byKey, ct);
        }

        foreach (var coverage in byKey.Values)
        {
            coverage.InsuranceEnrolmentRate = CoverageRates.Percent(coverage.MembersInsured, coverage.Members);
            coverage.WaterSafeRate = CoverageRates.Percent(coverage.WaterSafeHouseholds, coverage.Households);
        }

        return byKey;
    }

    public static int ChildKeyLength(RegionLevel level) => level switch
    {
        RegionLevel.Province => 4,
        RegionLevel.City => 6,
        RegionLevel.County => 9,
        _ => 12,
    };
}
