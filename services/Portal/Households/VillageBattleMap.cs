using Grpc.Core;
using Pa.Assistance.V1;
using Pa.Registry.V1;
using Platform.Portal.Services;

namespace Platform.Portal.Households;

/// <summary>A village's battle map as the page shows it: the registry's rows joined with the assistance service's findings.</summary>
public sealed record VillageBattleMap(Region Village, BattleMapTotals Totals, IReadOnlyList<BattleMapLine> Lines);

/// <summary>One household row; <see cref="Guarantees"/> is null when the assistance service has no findings for it yet.</summary>
public sealed record BattleMapLine(BattleMapRow Row, HouseholdGuarantees? Guarantees);

/// <summary>
/// Reads a battle map: every page of the registry's rows and every page of the village's guarantee
/// findings, the two services concurrently (each pages sequentially: a page token needs the page before).
/// A village outside the officer's region is the registry's NOT_FOUND, left to become the 404 page.
/// </summary>
public sealed class VillageBattleMapReader(ServiceCalls calls)
{
    /// <summary>The battle map names heads of households: recorded in the audit as the portal's battle map read.</summary>
    private const string Purpose = "portal: village battle map";

    public async Task<VillageBattleMap> ReadAsync(string village)
    {
        var options = await calls.AsOfficerAsync(Purpose);
        var region = calls.Regions.GetRegionAsync(new GetRegionRequest { Code = village }, options).ResponseAsync;
        var rows = RowsAsync(village, options);
        var guarantees = GuaranteesAsync(village, options);
        await Task.WhenAll(region, rows, guarantees);

        var (totals, all) = rows.Result;
        var findings = guarantees.Result;
        var lines = all.Select(r => new BattleMapLine(r, findings.GetValueOrDefault(r.HouseholdId))).ToList();
        return new VillageBattleMap(region.Result.Region, totals, lines);
    }

    private async Task<(BattleMapTotals Totals, List<BattleMapRow> Rows)> RowsAsync(string village, CallOptions options)
    {
        BattleMapTotals? totals = null;
        var rows = await AllPages.ReadAsync(async page =>
        {
            var answer = await calls.RegistryStatistics.GetBattleMapAsync(new GetBattleMapRequest { VillageCode = village, Page = page }, options);
            totals ??= answer.Totals;
            return ((IEnumerable<BattleMapRow>)answer.Rows, answer.Page);
        });
        return (totals ?? new BattleMapTotals(), rows);
    }

    private async Task<Dictionary<string, HouseholdGuarantees>> GuaranteesAsync(string village, CallOptions options)
    {
        var all = await AllPages.ReadAsync(async page =>
        {
            var answer = await calls.Guarantees.ListHouseholdGuaranteesAsync(new ListHouseholdGuaranteesRequest { RegionCode = village, Page = page }, options);
            return ((IEnumerable<HouseholdGuarantees>)answer.Households, answer.Page);
        });
        var found = new Dictionary<string, HouseholdGuarantees>(StringComparer.OrdinalIgnoreCase);
        foreach (var household in all)
        {
            found[household.HouseholdId] = household;
        }

        return found;
    }
}
