using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Platform.Benchmarks.Registry;

namespace Platform.Benchmarks.Import;

/// <summary>
/// Bulk import of generated registered households through the real registry (hosted in this
/// process on Kestrel, called over a loopback HTTP/2 socket), then a raw Microsoft.Data.Sqlite
/// insert of the same rows into an identical empty schema; prints both and their ratio. From the
/// repository root:
/// <c>dotnet run -c Release --project tests/Benchmarks/ImportBenchmark -- --households 1000000 [--database path]</c>
/// With --database the imported database is kept there (with its keys) for the read benchmark.
/// </summary>
public static class Program
{
    private const double TargetRatio = 4;
    private const double TargetSeconds = 60;
    private const long TargetPeakBytes = 500L * 1024 * 1024;

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

        var workDir = Directory.CreateTempSubdirectory("pa-import-bench-");
        try
        {
            var database = RegistryDatabase.Open(keep ?? Path.Combine(workDir.FullName, "registry.db"));
            if (database.Exists)
            {
                Console.Error.WriteLine($"{database.Path} already exists; the import benchmark needs an empty database.");
                return 2;
            }

            Console.WriteLine($"Generating and importing {households:N0} households over gRPC ...");
            ImportFigures import;
            await using (var server = new RegistryServer(database))
            {
                var (result, elapsed) = await ImportRun.RunAsync(server, households, CancellationToken.None);
                using var process = Process.GetCurrentProcess();
                import = new ImportFigures(result.Imported, result.Bad, elapsed, process.PeakWorkingSet64);
            }

            var members = await CountAsync(database.Path, "Members");
            var outbox = await CountAsync(database.Path, "OutboxMessages");
            Console.WriteLine($"Raw baseline: the same {households:N0} households, {members:N0} members, {outbox:N0} outbox rows with prepared Microsoft.Data.Sqlite commands ...");
            var baseline = await RawBaseline.RunAsync(Path.Combine(workDir.FullName, "baseline.db"), households);

            Print(households, import, baseline, members, outbox, database);
            return import.Imported == households && import.Bad == 0 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            workDir.Delete(recursive: true);
        }
    }

    private static void Print(int households, ImportFigures import, TimeSpan baseline, long members, long outbox, RegistryDatabase database)
    {
        var importRate = households / import.Elapsed.TotalSeconds;
        var baselineRate = households / baseline.TotalSeconds;
        var ratio = import.Elapsed / baseline;
        Console.WriteLine();
        Console.WriteLine($"households                 {households,14:N0}   imported {import.Imported:N0}, bad {import.Bad:N0}");
        Console.WriteLine($"members / outbox rows      {members,14:N0} / {outbox:N0}");
        Console.WriteLine($"import over gRPC           {import.Elapsed.TotalSeconds,14:N1} s   {importRate,10:N0} households/s   (target ≤ {TargetSeconds} s: {Verdict(import.Elapsed.TotalSeconds <= TargetSeconds)})");
        Console.WriteLine($"raw SQLite baseline        {baseline.TotalSeconds,14:N1} s   {baselineRate,10:N0} households/s");
        Console.WriteLine($"ratio import / baseline    {ratio,14:N2} ×   (target ≤ {TargetRatio} ×: {Verdict(ratio <= TargetRatio)})");
        Console.WriteLine($"peak working set           {import.PeakWorkingSet / 1024.0 / 1024.0,14:N0} MB   (target ≤ 500 MB: {Verdict(import.PeakWorkingSet <= TargetPeakBytes)})");
        Console.WriteLine("  (one process: the registry server, the gRPC client and the household generator; read before the baseline ran)");
        Console.WriteLine($"database                   {database.Path} ({database.SizeBytes / 1024.0 / 1024.0:N0} MB)");
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static async Task<long> CountAsync(string path, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed record ImportFigures(long Imported, long Bad, TimeSpan Elapsed, long PeakWorkingSet);
}
