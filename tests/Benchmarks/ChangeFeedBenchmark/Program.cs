using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Pa.Registry.V1;
using Platform.Benchmarks.Registry;

namespace Platform.Benchmarks.ChangeFeed;

/// <summary>
/// The registry's change feed on the real service (hosted in this process on Kestrel, loopback h2c,
/// a fresh SQLite database). Seeds two counties' registered households (the import's Huoqiu and the
/// demo county, through their gRPC calls), fills the change log to <c>--changes</c> (<see cref="LogFill"/>,
/// numbered by the service's own sequencer), replays it through WatchChanges to one county officer and
/// then to one provincial officer (<see cref="CatchUp"/>), and times live changes from commit to
/// receipt (<see cref="LiveLatency"/>). From the repository root:
/// <c>dotnet run -c Release --project tests/Benchmarks/ChangeFeedBenchmark -- [--changes 1000000] [--live 2000] [--rate 50] [--households 10000] [--database .bench/changefeed.db]</c>
/// </summary>
public static class Program
{
    /// <summary>The profile reads a prefix of the log: its rates settle long before a million.</summary>
    private const long ProfiledChanges = 100_000;

    public static async Task<int> Main(string[] args)
    {
        int changes = 1_000_000, live = 2_000, rate = 50, households = 10_000;
        var path = ".bench/changefeed.db";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            var number = int.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0;
            switch (args[i])
            {
                case "--changes" when number:
                    changes = n;
                    break;
                case "--live" when number:
                    live = n;
                    break;
                case "--rate" when number:
                    rate = n;
                    break;
                case "--households" when number:
                    households = n;
                    break;
                case "--database" when value is not null:
                    path = value;
                    break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. Usage: [--changes N] [--live N] [--rate per-second] [--households per-county] [--database path]");
                    return 2;
            }

            i++;
        }

        // A fresh database every run: the figures are of a log this run wrote.
        var stale = RegistryDatabase.Open(path);
        stale.Delete();
        var database = RegistryDatabase.Open(path);
        var ct = CancellationToken.None;
        Console.WriteLine($"Change feed benchmark: {changes:N0} changes, {live:N0} live at {rate}/s; {Environment.ProcessorCount} cores; {database.Path}");

        await using var server = new RegistryServer(database, new Dictionary<string, string> { ["Registry:Demo:Enabled"] = "true" });
        var seed = Stopwatch.StartNew();
        var (imported, _) = await server.ImportAsync(households, ct);
        var demo = new DemoService.DemoServiceClient(server.Channel);
        using (var call = demo.SeedDemoCounty(new SeedDemoCountyRequest { Households = households }, new CallOptions(server.Operator(), DateTime.UtcNow.AddMinutes(30))))
        {
            await foreach (var _ in call.ResponseStream.ReadAllAsync(ct))
            {
            }
        }

        var seedNumbering = await LogFill.WaitNumberedAsync(server, ct);
        Console.WriteLine($"Seeded {imported.Imported:N0} Huoqiu households (import) and {households:N0} of the demo county (DemoService) in {seed.Elapsed.TotalSeconds:N1} s; " +
            $"their {await LogFill.CountAsync(server, ct):N0} changes numbered {seedNumbering.TotalSeconds:N1} s after the seed returned");

        var fill = await LogFill.RunAsync(server, changes, ct);
        var total = await LogFill.CountAsync(server, ct);
        var county = HouseholdGenerator.County[..6];
        var countyChanges = await LogFill.CountAsync(server, ct, county);
        Console.WriteLine($"Inserted {fill.Inserted:N0} in {fill.Insert.TotalSeconds:N1} s ({fill.Inserted / fill.Insert.TotalSeconds:N0} rows/s, {LogFill.RowsPerTransaction:N0} per transaction) with the sequencer running; " +
            $"{fill.NumberedAtInsertEnd:N0} numbered when the last insert committed, the rest {fill.NumberedAfterInsert.TotalSeconds:N1} s later");
        Console.WriteLine($"Log: {total:N0} changes, {countyChanges:N0} of them in Huoqiu ({county}); database {database.SizeBytes / 1048576.0:N0} MB");

        Console.WriteLine();
        Console.WriteLine("Catch-up: WatchChanges without a cursor until every change of the caller's region arrived ...");
        var catchUps = new[]
        {
            await CatchUp.RunAsync(server, "county officer (Huoqiu, personal data)", server.CountyOfficer(), countyChanges, ct),
            await CatchUp.RunAsync(server, "provincial officer (Anhui, masked)", server.ProvincialOfficer(), total, ct),
        };

        var profiled = Math.Min(total, ProfiledChanges);
        Console.WriteLine($"Where a replay's time goes: the first {profiled:N0} changes as the provincial officer ...");
        var profile = await FeedProfile.RunAsync(server, profiled, ct);

        Console.WriteLine();
        Console.WriteLine($"Live: {live:N0} ChangeMembers at {rate}/s as Huoqiu's officer, one WatchChanges open from the head ...");
        var liveFigures = await LiveLatency.RunAsync(server, live, rate, ct);

        Console.WriteLine();
        Console.WriteLine($"{"catch-up caller",-42} {"changes",12} {"s",8} {"changes/s",10} {"first ms",9}");
        foreach (var c in catchUps)
        {
            Console.WriteLine($"{c.Caller,-42} {c.Changes,12:N0} {c.Elapsed.TotalSeconds,8:N1} {c.PerSecond,10:N0} {c.FirstChange.TotalMilliseconds,9:N0}   ({c.Members:N0} members, {c.MaskedIds:N0} IDs masked)");
        }

        foreach (var p in profile.Append(new ProfileLine("WatchChanges (the provincial replay above)", catchUps[1].Changes, catchUps[1].Elapsed)))
        {
            Console.WriteLine($"  {p.Name,-56} {p.Changes,12:N0} {p.Elapsed.TotalSeconds,8:N1} {p.PerSecond,10:N0}");
        }

        Console.WriteLine($"numbering: the sequencer numbered the fill's {fill.Inserted:N0} rows alongside the inserts ({fill.Insert.TotalSeconds:N1} s) and finished {fill.NumberedAfterInsert.TotalSeconds:N1} s after the last one");
        var latencies = liveFigures.CommitToReceiptMs.Order().ToArray();
        var callMs = liveFigures.CallMs.Order().ToArray();
        Console.WriteLine($"live: {liveFigures.Received:N0} of {liveFigures.Changes:N0} changes received in {liveFigures.Elapsed.TotalSeconds:N1} s " +
            $"({liveFigures.Changes / liveFigures.Elapsed.TotalSeconds:N1} written/s)");
        if (latencies.Length > 0)
        {
            Console.WriteLine($"  commit → receipt  p50 {Percentile(latencies, 0.50),7:N1} ms   p99 {Percentile(latencies, 0.99),7:N1} ms   max {latencies[^1],7:N1} ms" +
                $"   ({liveFigures.ArrivedBeforeReturn} arrived before their call returned: negative, kept)");
        }

        Console.WriteLine($"  ChangeMembers call p50 {Percentile(callMs, 0.50),7:N1} ms   p99 {Percentile(callMs, 0.99),7:N1} ms   max {callMs[^1],7:N1} ms");
        Console.WriteLine("  clocks: both ends read Stopwatch.GetTimestamp (monotonic) in this process: the call's return to the client, the change's arrival from the stream; nothing subtracted.");
        return liveFigures.Received == liveFigures.Changes ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
}
