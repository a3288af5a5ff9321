using System.Globalization;
using Platform.Benchmarks.Registry;
using Platform.LocalBroker;

namespace Platform.Benchmarks.FirstCall;

/// <summary>
/// The first call of each hot registry call after the service starts, against the same call warm,
/// in a service process started cold (its own process, as deployed), several times:
///   dotnet run -c Release --project tests/Benchmarks/FirstCallBenchmark -- --households 100000 --database .bench/registry-100k.db --runs 3
/// The database is built with the import when missing (as the read benchmark does). Each run starts
/// the service twice, without its start-up warm-up (the baseline) and with it, so both are measured
/// in the same run.
/// </summary>
public static class Program
{
    private const double TargetMs = 200;

    public static async Task<int> Main(string[] args)
    {
        var households = Option(args, "--households", 100_000);
        var runs = Option(args, "--runs", 3);
        var database = RegistryDatabase.Open(OptionText(args, "--database") ?? $".bench/registry-{households / 1000}k.db");
        if (!database.Exists)
        {
            Console.WriteLine($"Building {database.Path} with {households:N0} imported households…");
            await using var builder = new RegistryServer(database);
            await builder.ImportAsync(households, CancellationToken.None);
        }

        var sample = await Sampled.ReadAsync(database.Path);
        var data = Path.Combine(Path.GetTempPath(), $"pa-first-call-{Guid.NewGuid():N}");
        await using var broker = new RabbitMqProcess(RabbitMqNode.Create(Path.Combine(data, "rabbitmq"), "pa-first-call"));
        await broker.StartAsync(TimeSpan.FromMinutes(1));
        Console.WriteLine($"{database.Path}: {sample.Total:N0} households; the registry started cold {runs} times, each call once cold and once warm");

        var fresh = FirstCalls.FreshHouseholds(sample, filings: 4 * runs);
        var worst = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        for (var run = 0; run < runs; run++)
        {
            foreach (var warmup in new[] { false, true })
            {
                await using var registry = await RegistryProcess.StartAsync(database, broker.Node.ConnectionString, data, warmup);
                var filing = 4 * run + (warmup ? 2 : 0);
                var first = FirstCalls.For(registry, sample, fresh, filing);
                var cold = await FirstCalls.TimeAsync(first);
                var warm = await FirstCalls.TimeAsync(FirstCalls.For(registry, sample, fresh, filing + 1));
                Console.WriteLine($"run {run + 1}, {(warmup ? "with" : "without")} the start-up warm-up: serving {registry.StartedIn.TotalSeconds:0.00} s after the process started");
                Console.WriteLine($"  {"call",-32} {"first ms",9} {"warm ms",9}");
                for (var i = 0; i < first.Count; i++)
                {
                    Console.WriteLine($"  {first[i].Name,-32} {cold[i],9:0.0} {warm[i],9:0.0}");
                }

                worst[warmup].Add(cold.Max());
            }
        }

        Console.WriteLine($"slowest first call over {runs} runs without the warm-up (baseline): {worst[false].Max():0} ms");
        var slowest = worst[true].Max();
        Console.WriteLine($"slowest first call over {runs} runs with the warm-up: {slowest:0} ms (target ≤ {TargetMs:0} ms: {(slowest <= TargetMs ? "met" : "MISSED")})");
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // The broker may still hold files for a moment; the temp folder goes with the machine.
        }

        return 0;
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
