using System.Globalization;
using Microsoft.Data.Sqlite;
using Platform.Benchmarks.Registry;

namespace Platform.Benchmarks.Import;

/// <summary>
/// Bulk import of generated registered households through the real registry (hosted in this
/// process on Kestrel, called over a loopback HTTP/2 socket), then a raw Microsoft.Data.Sqlite
/// insert of the same rows into an identical empty schema; prints the rate of every block of
/// 100,000 households, the largest WAL file and working set seen, and each target met or missed.
/// From the repository root:
/// <c>dotnet run -c Release --project tests/Benchmarks/ImportBenchmark -- --households 1000000 [--database path]</c>
/// With --database the imported database is kept there (with its keys) for the read benchmark.
/// </summary>
public static class Program
{
    private const int Block = 100_000;

    public static async Task<int> Main(string[] args)
    {
        var households = 1_000_000;
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
                    Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. Usage: --households N [--database path]");
                    return 2;
            }
        }

        // Below 200,000 households a block is a tenth of the run, so a short trial still shows a trend.
        var block = households >= 2 * Block ? Block : Math.Max(1, households / 10);
        var workDir = Directory.CreateTempSubdirectory("pa-import-bench-");
        try
        {
            var database = RegistryDatabase.Open(keep ?? Path.Combine(workDir.FullName, "registry.db"));
            if (database.Exists)
            {
                Console.Error.WriteLine($"{database.Path} already exists; the import benchmark needs an empty database.");
                return 2;
            }

            Console.WriteLine($"Generating and importing {households:N0} households over gRPC (the writer's timings are logged at Debug) ...");
            var batchId = $"benchmark-{households}";
            Run import;
            await using (var server = new RegistryServer(database, new Dictionary<string, string> { ["Logging:LogLevel:Platform.HouseholdRegistry.Import"] = "Debug" }))
            {
                using var progress = new BatchProgress(database.Path, batchId);
                var sampler = new ImportSampler(database.Path, block, progress.Committed);
                var (result, elapsed) = await server.ImportAsync(households, CancellationToken.None);
                await sampler.DisposeAsync();
                using var process = System.Diagnostics.Process.GetCurrentProcess();
                import = new Run(result.Imported, result.Bad, elapsed, sampler, process.PeakWorkingSet64);
            }

            var members = await CountAsync(database.Path, "Members");
            var outbox = await CountAsync(database.Path, "OutboxMessages");
            Console.WriteLine($"Raw baseline: the same {households:N0} households, {members:N0} members, {outbox:N0} outbox rows with prepared Microsoft.Data.Sqlite commands ...");
            var baselinePath = Path.Combine(workDir.FullName, "baseline.db");
            long baselineCommitted = 0;
            var baselineSampler = new ImportSampler(baselinePath, block, () => Interlocked.Read(ref baselineCommitted));
            var baselineElapsed = await RawBaseline.RunAsync(baselinePath, households, n => Interlocked.Exchange(ref baselineCommitted, n));
            await baselineSampler.DisposeAsync();
            var baseline = new Run(households, 0, baselineElapsed, baselineSampler, 0);

            Report.Print(households, block, import, baseline, members, outbox, database);
            return import.Imported == households && import.Bad == 0 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            workDir.Delete(recursive: true);
        }
    }

    private static async Task<long> CountAsync(string path, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>One measured run: its result, time, samples and (for the import) the process's peak working set.</summary>
internal sealed record Run(long Imported, long Bad, TimeSpan Elapsed, ImportSampler Samples, long PeakWorkingSet);
