using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Pa.Assistance.V1;
using Pa.Common.V1;
using Pa.Employment.V1;
using Pa.Registry.V1;
using Pa.Relocation.V1;
using Platform.Portal.Services;
using RegistryStats = Pa.Registry.V1;
using RelocationStats = Pa.Relocation.V1;

namespace Platform.Portal.Overview;

/// <summary>Everything the overview shows, for the region and for each child region where a service gives it.</summary>
public sealed record OverviewData(
    int Year,
    RegionFigures Region,
    IReadOnlyList<RegionFigures> Children,
    Refusable<RegionCoverage> Coverage,
    Refusable<IReadOnlyDictionary<string, RegionCoverage>> ChildCoverage,
    Refusable<GuaranteeTally> Guarantees,
    Refusable<IReadOnlyDictionary<string, GuaranteeTally>> ChildGuarantees,
    Refusable<RelocationFigures> Relocation,
    Refusable<IReadOnlyDictionary<string, RelocationFigures>> ChildRelocation,
    Refusable<GetFundProgressResponse>? Fund);

/// <summary>
/// Gathers the overview's figures from the four services, as the officer, all at once: the page's
/// time is the slowest call, not their sum. The registry's statistics decide the region and its
/// children (NOT_FOUND outside the officer's region propagates); the other figures may be refused
/// to the officer's role and then show as "—".
/// </summary>
public sealed class OverviewReader(ServiceCalls calls, ILogger logger)
{
    private readonly Stopwatch _clock = new();

    private readonly ConcurrentDictionary<string, long> _done = new();

    /// <summary>Notes when a source answered (ms after the start), for the debug log: the page's time is the slowest one.</summary>
    private Task<T> Timed<T>(string source, Task<T> call) => call.ContinueWith(t =>
    {
        _done[source] = _clock.ElapsedMilliseconds;
        return t;
    }, TaskScheduler.Default).Unwrap();

    /// <summary>Per-child calls are made only for a handful of children (townships of a county), concurrently.</summary>
    private const int MaxChildCalls = 40;

    public async Task<OverviewData> ReadAsync(string region)
    {
        _clock.Start();
        var options = await calls.AsOfficerAsync();
        // One year for every service: the current year in China, where the plan's year runs.
        var year = Text.Format.InChina(DateTime.UtcNow).Year;

        var statistics = Timed("registry statistics", calls.RegistryStatistics.GetRegionStatisticsAsync(
            new RegistryStats.GetRegionStatisticsRequest { RegionCode = region, Year = year }, options).ResponseAsync);
        var childCoverage = Refusable<IReadOnlyDictionary<string, RegionCoverage>>.RunAsync(() => Timed("child coverage", ChildCoverageAsync(region, year, options)));
        var relocation = Refusable<RelocationFigures>.RunAsync(() => Timed("relocation", RelocationAsync(region, options)));
        var fund = RegionCodes.Level(region) == RegionLevel.County
            ? Refusable<GetFundProgressResponse>.RunAsync(() => Timed("fund progress",
                calls.Projects.GetFundProgressAsync(new GetFundProgressRequest { CountyCode = region, Year = year }, options).ResponseAsync))
            : null;

        // The children are known only from the registry's answer; their per-child calls start once it is in.
        var stats = await statistics;
        var children = stats.Children.ToList();
        var units = children.Count is > 0 and <= MaxChildCalls ? children.Select(c => c.RegionCode).ToList() : [];
        var childRelocation = Refusable<IReadOnlyDictionary<string, RelocationFigures>>.RunAsync(async () =>
        {
            var figures = await Timed("child relocation", Task.WhenAll(units.Select(u => RelocationAsync(u, options))));
            return units.Zip(figures).ToDictionary(p => p.First, p => p.Second);
        });

        // The region's coverage is the sum of its children's (they list every child with households, and
        // the figures shown are counts): the assistance service's coverage is its slowest answer, so it is
        // asked once, not twice. A region without children (a village) is asked for itself.
        var byChild = await childCoverage;
        var coverage = byChild.Value is { Count: > 0 } all
            ? new Refusable<RegionCoverage>(Sum(region, year, all.Values), null)
            : await Refusable<RegionCoverage>.RunAsync(async () => (await Timed("coverage",
                calls.Guarantees.GetRegionCoverageAsync(new GetRegionCoverageRequest { RegionCode = region, Year = year }, options).ResponseAsync)).Coverage);
        var guarantees = new Refusable<GuaranteeTally>(coverage.Value is { } c ? GuaranteeTally.From(c) : null, coverage.Refusal);
        var childGuarantees = new Refusable<IReadOnlyDictionary<string, GuaranteeTally>>(
            byChild.Value?.ToDictionary(p => p.Key, p => GuaranteeTally.From(p.Value)), byChild.Refusal);

        var data = new OverviewData(stats.Year, stats.Region, children, coverage, byChild,
            guarantees, childGuarantees, await relocation, await childRelocation, fund is null ? null : await fund);
        logger.LogDebug("Overview of {Region} read in {Elapsed} ms; sources done at (ms): {Sources}", region, _clock.ElapsedMilliseconds,
            string.Join(", ", _done.OrderBy(d => d.Value).Select(d => $"{d.Key} {d.Value}")));
        return data;
    }

    /// <summary>A region's coverage counts as the sum of its children's.</summary>
    private static RegionCoverage Sum(string region, int year, IEnumerable<RegionCoverage> children) => new()
    {
        RegionCode = region,
        Year = year,
        Households = children.Sum(c => c.Households),
        HouseholdsAllMet = children.Sum(c => c.HouseholdsAllMet),
        HouseholdsFoodAndClothingMet = children.Sum(c => c.HouseholdsFoodAndClothingMet),
        HouseholdsEducationMet = children.Sum(c => c.HouseholdsEducationMet),
        HouseholdsMedicalMet = children.Sum(c => c.HouseholdsMedicalMet),
        HouseholdsHousingMet = children.Sum(c => c.HouseholdsHousingMet),
        HouseholdsWaterMet = children.Sum(c => c.HouseholdsWaterMet),
        DropoutCasesOpen = children.Sum(c => c.DropoutCasesOpen),
        DangerousHousesRemaining = children.Sum(c => c.DangerousHousesRemaining),
    };

    /// <summary>The coverage of each child region (all pages; a county has a few dozen townships at most).</summary>
    private async Task<IReadOnlyDictionary<string, RegionCoverage>> ChildCoverageAsync(string region, int year, CallOptions options)
    {
        var children = await AllPages.ReadAsync(async page =>
        {
            var answer = await calls.Guarantees.ListRegionCoverageAsync(new ListRegionCoverageRequest { RegionCode = region, Year = year, Page = page }, options);
            return ((IEnumerable<RegionCoverage>)answer.Regions, answer.Page);
        });
        var result = new Dictionary<string, RegionCoverage>();
        foreach (var child in children)
        {
            result[child.RegionCode] = child;
        }

        return result;
    }

    /// <summary>The region's relocation totals; one site row is the least a page can ask for.</summary>
    private async Task<RelocationFigures> RelocationAsync(string region, CallOptions options) =>
        (await calls.RelocationStatistics.GetRegionStatisticsAsync(
            new RelocationStats.GetRegionStatisticsRequest { RegionCode = region, Page = new PageRequest { PageSize = 1 } }, options)).Figures
        ?? new RelocationFigures();
}
