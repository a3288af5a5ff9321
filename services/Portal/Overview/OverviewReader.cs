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
    bool GuaranteesCounted,
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
        var year = DateTime.UtcNow.AddHours(8).Year;

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
        var counter = new GuaranteeCounter(calls);
        // Guarantees are counted household by household (the service keeps no per-guarantee totals):
        // affordable for a county (tens of thousands of households), not for a city or a province.
        var countGuarantees = RegionCodes.Level(region) >= RegionLevel.County;
        List<string> guaranteeUnits = countGuarantees ? units : [];

        var childGuarantees = Refusable<IReadOnlyDictionary<string, GuaranteeTally>>.RunAsync(async () =>
        {
            var tallies = await Timed("child guarantees", Task.WhenAll(guaranteeUnits.Select(u => counter.CountAsync(u, options))));
            return guaranteeUnits.Zip(tallies).ToDictionary(p => p.First, p => p.Second);
        });
        var childRelocation = Refusable<IReadOnlyDictionary<string, RelocationFigures>>.RunAsync(async () =>
        {
            var figures = await Timed("child relocation", Task.WhenAll(units.Select(u => RelocationAsync(u, options))));
            return units.Zip(figures).ToDictionary(p => p.First, p => p.Second);
        });

        // Households live in villages, so a county's guarantee tally is the sum of its townships'
        // (read once, not twice); a region without children read here is counted on its own.
        var byChildren = await childGuarantees;
        var guarantees = !countGuarantees ? new Refusable<GuaranteeTally>(null, null)
            : guaranteeUnits.Count > 0 && !byChildren.Refused ? new Refusable<GuaranteeTally>(GuaranteeTally.Sum(byChildren.Value!.Values), null)
            : await Refusable<GuaranteeTally>.RunAsync(() => counter.CountAsync(region, options));

        // The region's coverage is the sum of its children's (they list every child with households, and
        // the figures shown are counts): the assistance service's coverage is its slowest answer, so it is
        // asked once, not twice. A region without children (a village) is asked for itself.
        var byChild = await childCoverage;
        var coverage = byChild.Value is { Count: > 0 } all
            ? new Refusable<RegionCoverage>(new RegionCoverage
            {
                RegionCode = region,
                Year = year,
                Households = all.Values.Sum(c => c.Households),
                DropoutCasesOpen = all.Values.Sum(c => c.DropoutCasesOpen),
                DangerousHousesRemaining = all.Values.Sum(c => c.DangerousHousesRemaining),
            }, null)
            : await Refusable<RegionCoverage>.RunAsync(async () => (await Timed("coverage",
                calls.Guarantees.GetRegionCoverageAsync(new GetRegionCoverageRequest { RegionCode = region, Year = year }, options).ResponseAsync)).Coverage);

        var data = new OverviewData(stats.Year, stats.Region, children, coverage, byChild,
            guarantees, countGuarantees, byChildren, await relocation, await childRelocation, fund is null ? null : await fund);
        logger.LogDebug("Overview of {Region} read in {Elapsed} ms; sources done at (ms): {Sources}", region, _clock.ElapsedMilliseconds,
            string.Join(", ", _done.OrderBy(d => d.Value).Select(d => $"{d.Key} {d.Value}")));
        return data;
    }

    /// <summary>The coverage of each child region (all pages; a county has a few dozen townships at most).</summary>
    private async Task<IReadOnlyDictionary<string, RegionCoverage>> ChildCoverageAsync(string region, int year, CallOptions options)
    {
        var result = new Dictionary<string, RegionCoverage>();
        var token = "";
        do
        {
            var page = await calls.Guarantees.ListRegionCoverageAsync(new ListRegionCoverageRequest
            {
                RegionCode = region,
                Year = year,
                Page = new PageRequest { PageSize = 500, PageToken = token },
            }, options);
            foreach (var child in page.Regions)
            {
                result[child.RegionCode] = child;
            }

            token = page.Page?.NextPageToken ?? "";
        }
        while (token.Length > 0);
        return result;
    }

    /// <summary>The region's relocation totals; one site row is the least a page can ask for.</summary>
    private async Task<RelocationFigures> RelocationAsync(string region, CallOptions options) =>
        (await calls.RelocationStatistics.GetRegionStatisticsAsync(
            new RelocationStats.GetRegionStatisticsRequest { RegionCode = region, Page = new PageRequest { PageSize = 1 } }, options)).Figures
        ?? new RelocationFigures();
}
