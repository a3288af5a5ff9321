using Platform.Benchmarks.Registry;

namespace Platform.Benchmarks.Read;

/// <summary>
/// The battle map and region statistics on the same server and database after the GetHousehold
/// phases, each call kind for the same time with the same clients, against a 50 ms p99 target.
/// </summary>
public static class StatisticsPhases
{
    private const double TargetP99Ms = 50;

    public static async Task<PhaseFigures[]> RunAsync(RegistryServer server, DatabaseSample sample, int clients, TimeSpan duration)
    {
        var calls = new StatisticsCalls(server.Channel, server.CountyOfficer(), sample);
        await DescribeAsync(calls);

        var kinds = new (string Name, Func<Random, Task> Call)[]
        {
            ("BattleMap first page", calls.FirstPage),
            ("BattleMap later page", calls.LaterPage),
            ("Statistics county", calls.County),
            ("Statistics township", calls.Township),
        };
        foreach (var (_, call) in kinds)
        {
            await LoadPhase.RunAsync("warm-up", clients, TimeSpan.FromSeconds(1), call);
        }

        var figures = new List<PhaseFigures>();
        foreach (var (name, call) in kinds)
        {
            figures.Add(await LoadPhase.RunAsync(name, clients, duration, call));
        }

        Console.WriteLine();
        Program.PrintHeader();
        foreach (var f in figures)
        {
            Program.Print(f, $"   (p99 ≤ {TargetP99Ms} ms: {(f.P99Ms <= TargetP99Ms ? "met" : "MISSED")})");
        }

        Console.WriteLine("GetBattleMap also writes one audit record per call; GetRegionStatistics writes none.");
        return [.. figures];
    }

    /// <summary>What the calls return for a few villages, the county and a township, once, so the figures can be read against the size of what was read.</summary>
    private static async Task DescribeAsync(StatisticsCalls calls)
    {
        Console.WriteLine();
        Console.WriteLine($"Battle map: {calls.Villages.Length:N0} villages with sampled households, {StatisticsCalls.PageSize} rows a page; statistics of {HouseholdGenerator.County} and its townships; a county officer with the personal-data scope.");
        foreach (var village in calls.Villages.Take(3))
        {
            var first = await calls.BattleMapAsync(village, "");
            var next = await calls.BattleMapAsync(village, first.Page.NextPageToken);
            var later = await calls.LaterPageAsync(village, new Random(0));
            Console.WriteLine($"  village {village}: {first.Page.TotalSize,9:N0} households; first page {first.Rows.Count} rows, next page {next.Rows.Count}, a later page {later.Rows.Count}");
        }

        var county = await calls.StatisticsAsync(HouseholdGenerator.County);
        Console.WriteLine($"  county {county.Region.RegionCode}: {county.Region.RegisteredHouseholds:N0} registered, {county.Region.ExitedHouseholds:N0} exited households; {county.Children.Count} townships");
        var township = await calls.StatisticsAsync(calls.Villages[0][..9] + "000");
        Console.WriteLine($"  township {township.Region.RegionCode}: {township.Region.RegisteredHouseholds:N0} registered, {township.Region.ExitedHouseholds:N0} exited households; {township.Children.Count} villages");
    }
}
