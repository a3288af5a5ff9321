using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Pa.Registry.V1;
using Platform.Benchmarks.Registry;

namespace Platform.Benchmarks.DemoSeed;

/// <summary>
/// Seeds the demo county 示范县 through the real registry's DemoService (hosted in this process on
/// Kestrel, called over a loopback HTTP/2 socket) into a fresh SQLite database, and prints the seed
/// time, households/s and the rows written, against the target of 40,000 households in ≤ 60 s.
/// From the repository root:
/// <c>dotnet run -c Release --project tests/Benchmarks/DemoSeedBenchmark -- [--households 40000] [--database path]</c>
/// With --database the seeded database is kept there (with its keys).
/// </summary>
public static class Program
{
    private const double TargetSeconds = 60;
    private const int TargetHouseholds = 40_000;

    private static readonly string[] Tables =
        ["Households", "Members", "Cases", "CaseSteps", "Notices", "Helpers", "HelperPairings", "OutboxMessages", "AuditRecords", "RegionTallies", "Regions"];

    public static async Task<int> Main(string[] args)
    {
        var households = TargetHouseholds;
        string? keep = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--households" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    households = n;
                    i++;
                    break;
                case "--database" when i + 1 < args.Length:
                    keep = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. Usage: [--households N] [--database path]");
                    return 2;
            }
        }

        var workDir = Directory.CreateTempSubdirectory("pa-seed-bench-");
        try
        {
            var database = RegistryDatabase.Open(keep ?? Path.Combine(workDir.FullName, "registry.db"));
            if (database.Exists)
            {
                Console.Error.WriteLine($"{database.Path} already exists; the seed benchmark needs a fresh database.");
                return 2;
            }

            TimeSpan elapsed;
            string lastPhase;
            await using (var server = new RegistryServer(database, new Dictionary<string, string>
            {
                ["Registry:Demo:Enabled"] = "true",
                ["Logging:LogLevel:Platform.HouseholdRegistry.Demo"] = "Debug",
            }))
            {
                var client = new DemoService.DemoServiceClient(server.Channel);
                Console.WriteLine($"Seeding the demo county with {households:N0} households over gRPC ...");
                var watch = Stopwatch.StartNew();
                using var call = client.SeedDemoCounty(new SeedDemoCountyRequest { Households = households },
                    new CallOptions(server.Operator(), DateTime.UtcNow.AddMinutes(30)));
                lastPhase = "";
                await foreach (var progress in call.ResponseStream.ReadAllAsync())
                {
                    lastPhase = progress.Phase;
                }

                elapsed = watch.Elapsed;
            }

            Console.WriteLine();
            foreach (var table in Tables)
            {
                Console.WriteLine($"{table,-16} {await CountAsync(database.Path, table),12:N0} rows");
            }

            var seconds = elapsed.TotalSeconds;
            Console.WriteLine($"seed over gRPC   {seconds,12:N1} s   {households / seconds,8:N0} households/s   (last phase: {lastPhase})");
            var scaled = seconds * TargetHouseholds / households;
            Console.WriteLine($"target: {TargetHouseholds:N0} households in ≤ {TargetSeconds} s: {(scaled <= TargetSeconds ? "met" : "missed")} " +
                (households == TargetHouseholds ? $"({seconds:N1} s)" : $"({scaled:N1} s scaled from {households:N0})"));
            return lastPhase == "done" ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            workDir.Delete(recursive: true);
        }
    }

    private static async Task<long> CountAsync(string path, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
