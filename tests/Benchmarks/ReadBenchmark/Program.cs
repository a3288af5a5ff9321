using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using Pa.Registry.V1;
using Platform.Benchmarks.Registry;

namespace Platform.Benchmarks.Read;

/// <summary>
/// GetHousehold on a large registry database against the gRPC health Check (an empty unary call)
/// on the same server in the same run, each for the same time with the same number of concurrent
/// clients; then the battle map and region statistics on the same server (<see cref="StatisticsPhases"/>),
/// then applications and member changes at four clients (<see cref="WritePhases"/>).
/// The database is built once by the import (if the path does not exist yet) and kept,
/// so later runs and other benchmarks reuse it. From the repository root:
/// <c>dotnet run -c Release --project tests/Benchmarks/ReadBenchmark -- --database .bench/registry-1m.db [--households 1000000] [--clients 16] [--seconds 20]</c>
/// </summary>
public static class Program
{
    private const double TargetRatio = 0.5;

    public static async Task<int> Main(string[] args)
    {
        string? path = null;
        int households = 1_000_000, clients = 16, seconds = 20;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            var number = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0;
            switch (args[i])
            {
                case "--database" when value is not null:
                    path = value;
                    break;
                case "--households" when number:
                    households = n;
                    break;
                case "--clients" when number:
                    clients = n;
                    break;
                case "--seconds" when number:
                    seconds = n;
                    break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. Usage: --database path [--households N] [--clients C] [--seconds S]");
                    return 2;
            }

            i++;
        }

        if (path is null)
        {
            Console.Error.WriteLine("--database path is required (it is built by the import when missing, and kept).");
            return 2;
        }

        var database = RegistryDatabase.Open(path);
        if (!database.Exists)
        {
            Console.WriteLine($"{database.Path} does not exist: importing {households:N0} generated households into it once ...");
            await using var builder = new RegistryServer(database);
            var (result, elapsed) = await builder.ImportAsync(households, CancellationToken.None);
            Console.WriteLine($"  imported {result.Imported:N0} (bad {result.Bad:N0}) in {elapsed.TotalSeconds:N1} s");
        }

        var sample = await DatabaseSample.ReadAsync(database.Path);
        Console.WriteLine($"{database.Path}: {sample.Total:N0} households; {sample.Households.Length:N0} sampled; {clients} clients, {seconds} s per call kind");

        await using var server = new RegistryServer(database);
        var headers = server.ProvincialOfficer();
        var health = new Health.HealthClient(server.Channel);
        var householdClient = new HouseholdService.HouseholdServiceClient(server.Channel);
        Task Check(Random _) => health.CheckAsync(new HealthCheckRequest(), headers, DateTime.UtcNow.AddSeconds(10)).ResponseAsync;
        Task Get(Random random) => householdClient.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = sample.Pick(random).Id }, headers, DateTime.UtcNow.AddSeconds(10)).ResponseAsync;

        // Untimed first: JIT, connection and SQLite page cache warm-up.
        await LoadPhase.RunAsync("warm-up", clients, TimeSpan.FromSeconds(2), Check);
        await LoadPhase.RunAsync("warm-up", clients, TimeSpan.FromSeconds(3), Get);

        var duration = TimeSpan.FromSeconds(seconds);
        var empty = await LoadPhase.RunAsync("Health.Check", clients, duration, Check);
        var read = await LoadPhase.RunAsync("GetHousehold", clients, duration, Get);

        Console.WriteLine();
        PrintHeader();
        Print(empty);
        Print(read);
        var ratio = read.PerSecond / empty.PerSecond;
        Console.WriteLine($"throughput ratio GetHousehold / Health.Check  {ratio:N2} ×   (target ≥ {TargetRatio} ×: {(ratio >= TargetRatio ? "met" : "MISSED")})");
        Console.WriteLine($"p99 ratio Health.Check / GetHousehold         {empty.P99Ms / read.P99Ms:N2} ×");
        Console.WriteLine("GetHousehold writes one audit record per read (personal data), so every call is also a SQLite commit.");

        var statistics = await StatisticsPhases.RunAsync(server, sample, clients, duration);
        var writes = await WritePhases.RunAsync(server, database.Path, sample, duration);
        return new[] { empty, read }.Concat(statistics).Concat(writes).All(f => f.Failures == 0) ? 0 : 1;
    }

    public static void PrintHeader() => Console.WriteLine($"{"call",-28} {"calls",10} {"failed",7} {"calls/s",10} {"p50 ms",8} {"p99 ms",8} {"CPU ms",7}");

    public static void Print(PhaseFigures f, string verdict = "") =>
        Console.WriteLine($"{f.Name,-28} {f.Calls,10:N0} {f.Failures,7:N0} {f.PerSecond,10:N0} {f.P50Ms,8:N2} {f.P99Ms,8:N2} {f.CpuMsPerCall,7:N2}{verdict}");
}
