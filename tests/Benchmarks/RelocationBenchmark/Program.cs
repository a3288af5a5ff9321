using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Benchmarks.Assistance;
using Platform.LocalBroker;
using Platform.Relocation.Data;
using Platform.Security;
using Platform.Testing;

namespace Platform.Benchmarks.Relocation;

/// <summary>
/// A resettlement site (安置点) of many relocated families receiving employment events:
///
///   dotnet run -c Release --project tests/Benchmarks/RelocationBenchmark -- [--families 10000] [--events 100000]
///       [--data .bench/relocation] [--publish-rate 2000]
///
/// Starts a private RabbitMQ node and the relocation service in this process (Kestrel, SQLite file under
/// --data, outbox relay and consumers on the node); seeds one site with a unit per family and every family
/// registered, moved in and with an open zero-employment case; publishes the EmploymentStarted/Ended events
/// (start/end cycles per family, round-robin across families) on a bus of its own, then waits until the
/// service's inbox holds every message. Prints events/s applied, the time from publish to applied
/// (the inbox row's ProcessedAt, written with the effect and the follow-up status) at p50/p95/p99/max,
/// the peak working set, and a check of every family's final follow-up against what its events imply.
/// </summary>
public static class RelocationBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault();
        var families = int.Parse(Value("families") ?? "10000", CultureInfo.InvariantCulture);
        var events = int.Parse(Value("events") ?? "100000", CultureInfo.InvariantCulture);
        var rate = Value("publish-rate") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : (int?)null;
        var data = Path.GetFullPath(Value("data") ?? Path.Combine(Path.GetTempPath(), "relocation-bench"));
        Directory.CreateDirectory(data);
        var database = Path.Combine(data, $"relocation-{families}.db");
        Delete(database);

        Console.WriteLine("Starting RabbitMQ…");
        await using var broker = new RabbitMqProcess(RabbitMqNode.Create(Path.Combine(data, "broker"), "relocation-bench"));
        await broker.StartAsync(TimeSpan.FromSeconds(60));
        // The benchmark makes no calls, but the service starts only with an issuer to trust.
        await using var service = new KestrelService<Program>(new TestAuthority(), new Dictionary<string, string>
        {
            ["PersonalData:EncryptionKey"] = DevSecrets.NewKey(),
            ["PersonalData:LookupKey"] = DevSecrets.NewKey(),
            ["ConnectionStrings:relocation-db"] = $"Data Source={database}",
            ["ConnectionStrings:broker"] = broker.Node.ConnectionString,

            // A consumer attempt that loses an insert race is retried; the benchmark counts those instead of logging each.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Critical",
        }, withRelay: true);

        var now = DateTime.UtcNow;
        Console.WriteLine($"Seeding a site with {families:N0} moved-in families…");
        var seedWatch = Stopwatch.StartNew();
        var (_, seeded) = await FamilySeeder.SeedAsync(service.Services, families, now);
        Console.WriteLine($"  seeded in {seedWatch.Elapsed.TotalSeconds:0.0} s");
        var plan = EventPlan.Build(seeded, events, now);
        await Task.Delay(TimeSpan.FromSeconds(5)); // the service's bus binds its queues as it starts

        using var counters = new Counters();
        await using var sampler = new MemorySampler();
        Console.WriteLine($"Publishing {plan.Count:N0} employment events{(rate is null ? "" : $" at {rate:N0}/s")}…");
        var published = await EventPublisher.PublishAsync(broker.Node.ConnectionString, plan, rate, CancellationToken.None);
        Console.WriteLine($"  published in {published.Elapsed.TotalSeconds:0.0} s ({plan.Count / published.Elapsed.TotalSeconds:N0}/s)");

        var applied = await WaitUntilAppliedAsync(database, plan.Count);
        var peak = sampler.PeakBytes;
        var processed = await ProcessedAsync(service.Services);
        var latencies = processed.Where(p => published.At.ContainsKey(p.MessageId)).Select(p => (p.ProcessedAt - published.At[p.MessageId]).TotalMilliseconds).Order().ToArray();
        var last = processed.Count == 0 ? published.FirstAt : processed.Max(p => p.ProcessedAt);
        var span = (last - published.FirstAt).TotalSeconds;
        var check = await FamilySeeder.CheckAsync(service.Services, seeded);

        Console.WriteLine();
        Console.WriteLine($"Relocation follow-up: {families:N0} moved-in families, {plan.Count:N0} employment events through RabbitMQ (SQLite)");
        Console.WriteLine($"  applied                  {applied,10:N0} / {plan.Count:N0} (inbox rows)");
        Console.WriteLine($"  first publish → last applied {span,6:0.0} s  ({applied / span:N0} events/s applied)");
        Console.WriteLine($"  publish                  {published.Elapsed.TotalSeconds,10:0.0} s  ({plan.Count / published.Elapsed.TotalSeconds:N0} events/s)");
        Console.WriteLine($"  publish → applied p50    {Percentile(latencies, 0.50),10:N0} ms");
        Console.WriteLine($"                    p95    {Percentile(latencies, 0.95),10:N0} ms");
        Console.WriteLine($"                    p99    {Percentile(latencies, 0.99),10:N0} ms");
        Console.WriteLine($"                    max    {(latencies.Length == 0 ? 0 : latencies[^1]),10:N0} ms");
        Console.WriteLine($"  consumer retries         {counters.ConsumerFailures,10:N0}  (attempts that threw, e.g. a start and an end of one job inserting it at once)");
        Console.WriteLine($"  case events published    {counters.OutboxPublished,10:N0}  (ZeroEmploymentCaseOpened/Closed relayed by then)");
        Console.WriteLine($"  peak working set         {peak / 1024.0 / 1024.0,10:N0} MB (whole process: broker client, service, publisher)");
        Console.WriteLine($"  final state check        {(check.Passed ? "PASSED" : "FAILED")}: {check.Families:N0} families, {check.ExpectedZeroEmployment:N0} zero-employment expected; "
            + $"wrong running jobs {check.JobsWrong:N0}, wrong plan snapshot {check.SnapshotWrong:N0}, wrong open cases {check.OpenCasesWrong:N0}; {check.CasesInAll:N0} cases in all");
        return applied == plan.Count && check.Passed ? 0 : 1;
    }

    /// <summary>Polls the inbox until it holds every message, or until nothing has been applied for two minutes.</summary>
    private static async Task<long> WaitUntilAppliedAsync(string database, int expected)
    {
        var watch = Stopwatch.StartNew();
        long applied = 0, before = -1;
        var lastProgress = Stopwatch.StartNew();
        while (true)
        {
            applied = Count(database, "SELECT COUNT(*) FROM InboxMessages");
            if (applied >= expected)
            {
                return applied;
            }

            if (applied != before)
            {
                (before, lastProgress) = (applied, Stopwatch.StartNew());
                Console.WriteLine($"  applied {applied:N0}/{expected:N0} after {watch.Elapsed.TotalSeconds:0} s");
            }
            else if (lastProgress.Elapsed > TimeSpan.FromMinutes(2))
            {
                Console.WriteLine($"  no progress for two minutes at {applied:N0}/{expected:N0}; giving up");
                return applied;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static async Task<List<(Guid MessageId, DateTime ProcessedAt)>> ProcessedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelocationDbContext>();
        var rows = await db.InboxMessages.AsNoTracking().Select(m => new { m.MessageId, m.ProcessedAt }).ToListAsync();
        return rows.Select(m => (m.MessageId, DateTime.SpecifyKind(m.ProcessedAt, DateTimeKind.Utc))).ToList();
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static long Count(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Delete(string database)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, $"{database}-wal", $"{database}-shm" })
        {
            File.Delete(file);
        }
    }
}
