using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Messaging;

namespace Platform.Benchmarks.Outbox;

/// <summary>
/// Per run: a raw IBus.Publish of N events with the relay's concurrency window, then the relay
/// draining N outbox rows with one aggregate per event, then with all N spread over 100 aggregates.
/// Each phase starts with an empty queue: it waits (untimed) until the consumer has every event.
/// With several replicas (<c>--relays</c>), every replica's relay drives passes at once over the
/// one outbox, as replicas of a service do; the consumer counts events that arrived twice.
/// </summary>
public sealed class OutboxBenchmarkRunner(IReadOnlyList<IServiceProvider> replicas, BenchmarkOptions options)
{
    private static readonly TimeSpan StandByPause = TimeSpan.FromMilliseconds(50);
    private readonly IServiceProvider _services = replicas[0];
    private readonly IBus _bus = replicas[0].GetRequiredService<IBus>();
    private readonly OutboxRelay<BenchDbContext>[] _relays = [.. replicas.Select(r => r.GetRequiredService<OutboxRelay<BenchDbContext>>())];
    private readonly OutboxOptions _outbox = replicas[0].GetRequiredService<IOptions<OutboxOptions>>().Value;
    private readonly ReceivedEvents _received = replicas[0].GetRequiredService<ReceivedEvents>();
    private readonly RelayDbTimer _dbTimer = replicas[0].GetRequiredService<RelayDbTimer>();

    /// <summary>Returns false when an event never reached the consumer.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine($"events={options.Events} runs={options.Runs} database={options.Database} relays={options.Relays} window={_outbox.MaxConcurrentPublishes} batch={_outbox.BatchSize} (publisher confirms, durable queue)");
        await RawAsync(BenchEventHappened.Create(BenchmarkOptions.WarmUpEvents), cancellationToken);
        await RelayAsync(BenchEventHappened.Create(BenchmarkOptions.WarmUpEvents), e => $"warm-up-{e.Seq}", cancellationToken);

        var runs = new List<(PhaseResult Raw, PhaseResult Relay, PhaseResult Shared)>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var raw = await RawAsync(BenchEventHappened.Create(options.Events), cancellationToken);
            var relay = await RelayAsync(BenchEventHappened.Create(options.Events), e => $"run-{run}-{e.Seq}", cancellationToken);
            var shared = await RelayAsync(BenchEventHappened.Create(options.Events), e => $"aggregate-{e.Seq % BenchmarkOptions.SharedAggregates}", cancellationToken);
            runs.Add((raw, relay, shared));

            Console.WriteLine(
                $"run {run}/{options.Runs}: raw {raw} | relay {relay} | ratio {PhaseResult.Ratio(relay.EventsPerSecond / raw.EventsPerSecond)}"
                + $" | relay {BenchmarkOptions.SharedAggregates} aggregates {shared}, ratio {PhaseResult.Ratio(shared.EventsPerSecond / raw.EventsPerSecond)}"
                + $" | received {raw.Received + relay.Received + shared.Received}/{3 * options.Events}");
            Console.WriteLine($"    relay:         {relay.Breakdown()}");
            Console.WriteLine($"    relay shared:  {shared.Breakdown()}");
        }

        PrintSummary(runs);
        return !runs.Any(r => r.Raw.Lost || r.Relay.Lost || r.Shared.Lost);
    }

    private async Task<PhaseResult> RawAsync(BenchEventHappened[] events, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _outbox.MaxConcurrentPublishes, CancellationToken = cancellationToken };
        GC.Collect();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(events, parallel, async (evt, ct) => await _bus.Publish(evt, ct));
        clock.Stop();
        return new PhaseResult(events.Length, clock.Elapsed, await ReceivedAsync(events, cancellationToken));
    }

    private async Task<PhaseResult> RelayAsync(BenchEventHappened[] events, Func<BenchEventHappened, string> aggregateKey, CancellationToken cancellationToken)
    {
        await InsertAsync(events, aggregateKey, cancellationToken);
        _dbTimer.Reset();
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var passes = 0;
        await Task.WhenAll(_relays.Select(relay => Task.Run(
            async () =>
            {
                while (true)
                {
                    var result = await relay.RelayBatchAsync(cancellationToken);
                    if (result.Failed)
                    {
                        throw new InvalidOperationException("The relay reported a failed publish (logged above); a figure with back-off in it would mean nothing.");
                    }

                    if (result.StandingBy)
                    {
                        // Another replica holds the lease: stand by until the outbox is empty, as a replica's loop would.
                        if (await OutboxRowsAsync(cancellationToken) == 0)
                        {
                            return;
                        }

                        await Task.Delay(StandByPause, cancellationToken);
                        continue;
                    }

                    if (result.Fetched == 0)
                    {
                        return;
                    }

                    Interlocked.Increment(ref passes);
                }
            },
            cancellationToken)));

        clock.Stop();
        var db = _dbTimer.Snapshot();
        var left = await OutboxRowsAsync(cancellationToken);
        if (left != 0)
        {
            throw new InvalidOperationException($"The relay stopped with {left} rows still in the outbox.");
        }

        return new PhaseResult(events.Length, clock.Elapsed, await ReceivedAsync(events, cancellationToken), passes, db);
    }

    /// <summary>Writes the rows as services do (AddEvent, then SaveChanges), 1,000 per SaveChanges.</summary>
    private async Task InsertAsync(BenchEventHappened[] events, Func<BenchEventHappened, string> aggregateKey, CancellationToken cancellationToken)
    {
        foreach (var batch in events.Chunk(BenchmarkOptions.InsertBatchSize))
        {
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
            var now = DateTime.UtcNow;
            foreach (var evt in batch)
            {
                db.AddEvent(evt, aggregateKey(evt), now);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<int> OutboxRowsAsync(CancellationToken cancellationToken)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BenchDbContext>().OutboxMessages.CountAsync(cancellationToken);
    }

    private async Task<int> ReceivedAsync(BenchEventHappened[] events, CancellationToken cancellationToken)
    {
        var received = await _received.WaitForAsync(events, options.DeliveryTimeout, cancellationToken);
        if (received < events.Length)
        {
            Console.Error.WriteLine($"LOST: the consumer received {received} of {events.Length} events within {options.DeliveryTimeout}.");
        }

        return received;
    }

    private void PrintSummary(List<(PhaseResult Raw, PhaseResult Relay, PhaseResult Shared)> runs)
    {
        var raw = Median(runs.Select(r => r.Raw.EventsPerSecond));
        var relay = Median(runs.Select(r => r.Relay.EventsPerSecond));
        var shared = Median(runs.Select(r => r.Shared.EventsPerSecond));
        var ratio = Median(runs.Select(r => r.Relay.EventsPerSecond / r.Raw.EventsPerSecond));
        var sharedRatio = Median(runs.Select(r => r.Shared.EventsPerSecond / r.Raw.EventsPerSecond));
        Console.WriteLine(
            $"median of {runs.Count}: raw {PhaseResult.Rate(raw)} ev/s | relay {PhaseResult.Rate(relay)} ev/s"
            + $" | relay {BenchmarkOptions.SharedAggregates} aggregates {PhaseResult.Rate(shared)} ev/s, ratio {PhaseResult.Ratio(sharedRatio)}"
            + $" | duplicates {_received.Duplicates} | json deserialize {JsonMicrosecondsPerEvent():0.0} µs/event");
        Console.WriteLine($"ratio(median)={PhaseResult.Ratio(ratio)} target>=0.5 | published twice {_received.Duplicates} target 0 ({options.Relays} relay(s) on {options.Database})");
    }

    /// <summary>The relay's per-row JSON deserialize alone, for the breakdown: small next to a publish round trip.</summary>
    private double JsonMicrosecondsPerEvent()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var bodies = BenchEventHappened.Create(options.Events).Select(e => JsonSerializer.Serialize(e, json)).ToArray();
        var clock = Stopwatch.StartNew();
        foreach (var body in bodies)
        {
            _ = JsonSerializer.Deserialize(body, typeof(BenchEventHappened), json);
        }

        return clock.Elapsed.TotalMicroseconds / bodies.Length;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
