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
/// </summary>
public sealed class OutboxBenchmarkRunner(IServiceProvider services, BenchmarkOptions options)
{
    private readonly IBus _bus = services.GetRequiredService<IBus>();
    private readonly OutboxRelay<BenchDbContext> _relay = services.GetRequiredService<OutboxRelay<BenchDbContext>>();
    private readonly OutboxOptions _outbox = services.GetRequiredService<IOptions<OutboxOptions>>().Value;
    private readonly ReceivedEvents _received = services.GetRequiredService<ReceivedEvents>();
    private readonly RelayDbTimer _dbTimer = services.GetRequiredService<RelayDbTimer>();

    /// <summary>Returns false when an event never reached the consumer.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine($"events={options.Events} runs={options.Runs} window={_outbox.MaxConcurrentPublishes} batch={_outbox.BatchSize} (publisher confirms, durable queue)");
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
        while (true)
        {
            var result = await _relay.RelayBatchAsync(cancellationToken);
            if (result.Failed)
            {
                throw new InvalidOperationException("The relay reported a failed publish (logged above); a figure with back-off in it would mean nothing.");
            }

            if (result.Fetched == 0)
            {
                break;
            }

            passes++;
        }

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
            await using var scope = services.CreateAsyncScope();
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
        await using var scope = services.CreateAsyncScope();
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
        Console.WriteLine($"ratio(median)={PhaseResult.Ratio(ratio)} target>=0.5");
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
