using System.Globalization;
using Grpc.Core;
using Platform.Benchmarks.Registry;
using Platform.LocalBroker;
using Platform.Security;
using Platform.Testing;

namespace Platform.Benchmarks.EventLatency;

/// <summary>
/// Events in milliseconds: the registry, assistance, employment and relocation as their own processes
/// on a private RabbitMQ node, each with a fresh SQLite database.
///   Steady stream (issue 13, item 5): households registered at a steady rate through the registry's
///   import, each HouseholdRegistered timed from the registry's commit to its commit in each replica:
///     dotnet run -c Release --project tests/Benchmarks/EventLatencyBenchmark -- --rate 500 --seconds 60
///   Catch-up (item 6): one bulk import, then the time until every replica holds every household:
///     dotnet run -c Release --project tests/Benchmarks/EventLatencyBenchmark -- --bulk 1000000
/// </summary>
public static class Program
{
    private const double TargetP99Ms = 50;
    private static readonly TimeSpan CatchUpTarget = TimeSpan.FromMinutes(10);

    public static async Task<int> Main(string[] args)
    {
        var data = Path.Combine(Path.GetTempPath(), $"pa-event-latency-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        await using var broker = new RabbitMqProcess(RabbitMqNode.Create(Path.Combine(data, "rabbitmq"), "pa-latency"));
        await broker.StartAsync(TimeSpan.FromMinutes(1));
        var keys = RegistryDatabase.Open(Path.Combine(data, "keys.db"));
        // The services are other processes: they read the issuer's keys over HTTP, as from the identity service.
        await using var authority = await new TestAuthority().ServeAsync();
        var shared = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Kestrel__EndpointDefaults__Protocols"] = "Http2",
            ["PersonalData__EncryptionKey"] = keys.Keys.EncryptionKey,
            ["PersonalData__LookupKey"] = keys.Keys.LookupKey,
            ["DataDir"] = data,
            ["ConnectionStrings__broker"] = broker.Node.ConnectionString,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in authority.Environment)
        {
            shared[key] = value;
        }

        if (Option(args, "--batch-size", 0) is > 0 and var batchSize)
        {
            // The consumers' batch (Messaging:BatchSize), to compare against the default.
            shared["Messaging__BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture);
        }


        // --sql-log DIR: each service's EF commands with their durations go to DIR/<service>.log.
        var sqlLog = OptionText(args, "--sql-log");
        if (sqlLog is not null)
        {
            Directory.CreateDirectory(sqlLog);
        }

        // Replicas first, so their queues exist before the first event is published.
        var replicas = new List<ServiceProcess>();
        foreach (var kind in new[] { ServiceKind.Assistance, ServiceKind.Employment, ServiceKind.Relocation })
        {
            replicas.Add(await ServiceProcess.StartAsync(kind, data, shared, sqlLog));
        }

        await using var registry = await ServiceProcess.StartAsync(ServiceKind.Registry, data, shared, sqlLog);
        await RegistryRegions.AddAsync(registry);
        await using var tap = await RegisteredTap.StartAsync(broker.Node.ConnectionString);
        var caller = new Metadata
        {
            { "authorization", $"Bearer {authority.Issue(PlatformRoles.ProvincialOfficer, HouseholdGenerator.Province, "benchmark")}" },
        };
        try
        {
            var bulk = Option(args, "--bulk", 0);
            var cpu = new CpuLedger(broker, registry, replicas);
            var result = bulk > 0
                ? await CatchUpAsync(registry, replicas, caller, bulk, cpu)
                : await SteadyAsync(registry, replicas, tap, caller, Option(args, "--rate", 500), Option(args, "--seconds", 60), Option(args, "--per-call", 50), cpu);
            return result;
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("PA_KEEP_BENCH_DATA") is null)
            {
                // Several hundred MB a run; the services are stopped first (below and by their disposal).
                AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(data);
            }

            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    private static async Task<int> SteadyAsync(ServiceProcess registry, List<ServiceProcess> replicas, RegisteredTap tap, Metadata caller, int rate, int seconds, int perCall, CpuLedger cpu)
    {
        const int WarmupHouseholds = 500;
        var total = rate * seconds;
        var households = HouseholdGenerator.Generate(WarmupHouseholds + total).ToList();
        var feeder = new SteadyFeeder(registry, caller);

        // Warm every path (JIT, connections, pools) at a tenth of the rate; not measured.
        await feeder.RunAsync(households.Take(WarmupHouseholds), perCall, rate / 10.0, 0, "warmup");
        foreach (var replica in replicas)
        {
            _ = await ReplicaInbox.WaitForAsync(replica, WarmupHouseholds, TimeSpan.FromMinutes(2)) ?? throw new TimeoutException($"{replica.Kind.Name} did not apply the warm-up");
        }

        var firstCall = WarmupHouseholds / perCall;
        Console.WriteLine($"{total:N0} households at {rate}/s for {seconds} s through the registry's import ({perCall} a call, {rate / (double)perCall:0} calls/s)");
        cpu.Start();
        var started = DateTime.UtcNow;
        await feeder.RunAsync(households.Skip(WarmupHouseholds), perCall, rate, firstCall, "steady");
        var fed = DateTime.UtcNow - started;
        Console.WriteLine($"registered {total:N0} in {fed.TotalSeconds:0.0} s ({total / fed.TotalSeconds:0}/s achieved)");

        // Every event reaches the tap and every replica before anything is counted (or the wait gives up: then they are lost).
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (tap.Seen.Count < WarmupHouseholds + total && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        foreach (var replica in replicas)
        {
            await ReplicaInbox.WaitForAsync(replica, WarmupHouseholds + total, until - DateTime.UtcNow);
        }

        cpu.Report(total);
        var measured = feeder.Calls.Values.Where(c => c.Index >= firstCall).ToDictionary(c => c.Index);
        var answered = measured.Values.Select(c => c.Answered - c.Started).Select(d => d.TotalMilliseconds).ToList();
        Console.WriteLine($"import call (commit included): p50 {Percentile(answered, 0.50):0.0} ms, p99 {Percentile(answered, 0.99):0.0} ms");

        var events = tap.Seen.Where(s => measured.ContainsKey(SteadyFeeder.CallOf(s.Value.RegisteredAt))).ToDictionary(s => s.Key, s => s.Value);
        var relayed = events.Values.Select(e => (e.ReceivedAt - measured[SteadyFeeder.CallOf(e.RegisteredAt)].Answered).TotalMilliseconds).ToList();
        Console.WriteLine($"registry commit → event at the broker's other queues: p50 {Percentile(relayed, 0.50):0.0} ms, p99 {Percentile(relayed, 0.99):0.0} ms ({events.Count:N0} of {total:N0} events seen)");
        Console.WriteLine($"  {"replica",-12} {"applied",9} {"lost",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"p99 from call start",20}");
        var met = events.Count == total;
        foreach (var replica in replicas)
        {
            var processed = await ReplicaInbox.ProcessedAtAsync(replica);
            var latencies = new List<double>();
            var fromStart = new List<double>();
            foreach (var (messageId, e) in events)
            {
                if (processed.TryGetValue(messageId, out var at))
                {
                    var call = measured[SteadyFeeder.CallOf(e.RegisteredAt)];
                    latencies.Add((at - call.Answered).TotalMilliseconds);
                    fromStart.Add((at - call.Started).TotalMilliseconds);
                }
            }

            var lost = total - latencies.Count;
            var p99 = Percentile(latencies, 0.99);
            met &= lost == 0 && p99 <= TargetP99Ms;
            Console.WriteLine($"  {replica.Kind.Name,-12} {latencies.Count,9:N0} {lost,6:N0} {Percentile(latencies, 0.50),8:0.0} {Percentile(latencies, 0.95),8:0.0} {p99,8:0.0} {latencies.DefaultIfEmpty().Max(),8:0.0} {Percentile(fromStart, 0.99),20:0.0}");
        }

        Console.WriteLine($"commit → applied p99 ≤ {TargetP99Ms:0} ms in every replica, nothing lost: {(met ? "met" : "MISSED")}");
        Console.WriteLine("(latency runs from the import call's answer, which follows its commit by the reply's trip; 'from call start' bounds it from above)");
        return 0;
    }

    private static async Task<int> CatchUpAsync(ServiceProcess registry, List<ServiceProcess> replicas, Metadata caller, int households, CpuLedger cpu)
    {
        Console.WriteLine($"{households:N0} households imported in one call, the replicas consuming as it runs");
        cpu.Start();
        var started = DateTime.UtcNow;
        var (result, elapsed) = await ImportRun.RunAsync(registry.Channel, caller, households, CancellationToken.None);
        Console.WriteLine($"import: {result.Imported:N0} written in {elapsed.TotalSeconds:0.0} s");

        var imported = DateTime.UtcNow;
        using var progress = new CancellationTokenSource();
        var reporter = ReportProgressAsync(registry, replicas, started, progress.Token);
        var met = true;
        foreach (var replica in replicas)
        {
            var done = await ReplicaInbox.WaitForAsync(replica, households, CatchUpTarget + TimeSpan.FromMinutes(20));
            var held = await ReplicaInbox.CountAsync(replica);
            var after = done is { } d ? d - imported : (TimeSpan?)null;
            var rate = held / ((done ?? DateTime.UtcNow) - started).TotalSeconds;
            met &= after is { } a && a <= CatchUpTarget;
            Console.WriteLine($"  {replica.Kind.Name,-12} holds {held:N0} of {households:N0}; {(after is { } t ? $"complete {Math.Max(0, t.TotalSeconds):0} s after the import ended" : "NOT complete")}, {rate:0} events/s from the import's start");
        }

        await progress.CancelAsync();
        await reporter;
        cpu.Report(households);
        Console.WriteLine($"every replica holds every household within {CatchUpTarget.TotalMinutes:0} minutes of the import's end: {(met ? "met" : "MISSED")}");
        return 0;
    }

    /// <summary>Every 15 s: the registry's outbox backlog and each replica's count, so a lag shows where it is.</summary>
    private static async Task ReportProgressAsync(ServiceProcess registry, List<ServiceProcess> replicas, DateTime started, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(15), ct);
                var counts = new List<string> { $"registry outbox {await ReplicaInbox.OutboxBacklogAsync(registry):N0}" };
                foreach (var replica in replicas)
                {
                    counts.Add($"{replica.Kind.Name} {await ReplicaInbox.CountAsync(replica):N0}");
                }

                Console.WriteLine($"  at {(DateTime.UtcNow - started).TotalSeconds:0} s: {string.Join(", ", counts)}");
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        return values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
    }

    private static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open; the temp directory is cleaned some other day.
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
