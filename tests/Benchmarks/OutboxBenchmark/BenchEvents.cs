using System.Collections.Concurrent;
using MassTransit;

namespace Platform.Benchmarks.Outbox;

public sealed record BenchEventHappened(Guid Id, int Seq, string Payload)
{
    private static readonly string Filler = new('x', BenchmarkOptions.PayloadLength);

    public static BenchEventHappened[] Create(int count) =>
        [.. Enumerable.Range(0, count).Select(seq => new BenchEventHappened(Guid.NewGuid(), seq, Filler))];
}

/// <summary>Every event id the counting consumer has received, to prove that no publish was lost.</summary>
public sealed class ReceivedEvents
{
    private readonly ConcurrentDictionary<Guid, byte> _ids = new();
    private long _deliveries;

    public long Duplicates => Interlocked.Read(ref _deliveries) - _ids.Count;

    public void Record(Guid id)
    {
        Interlocked.Increment(ref _deliveries);
        _ids.TryAdd(id, 0);
    }

    /// <summary>Waits until every one of <paramref name="events"/> arrived; returns how many did.</summary>
    public async Task<int> WaitForAsync(IReadOnlyList<BenchEventHappened> events, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var next = 0;
        while (true)
        {
            while (next < events.Count && _ids.ContainsKey(events[next].Id))
            {
                next++;
            }

            if (next == events.Count || DateTime.UtcNow > deadline)
            {
                return events.Count(e => _ids.ContainsKey(e.Id));
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}

/// <summary>Binds a queue to the event's exchange (RabbitMQ drops what no queue is bound to) and counts arrivals.</summary>
public sealed class BenchEventCounter(ReceivedEvents received) : IConsumer<BenchEventHappened>
{
    public Task Consume(ConsumeContext<BenchEventHappened> context)
    {
        received.Record(context.Message.Id);
        return Task.CompletedTask;
    }
}

public sealed class BenchEventCounterDefinition : ConsumerDefinition<BenchEventCounter>
{
    // MassTransit's default prefetch is small; a larger one keeps the consumer up with both publishers,
    // so no backlog builds up in the queue and weighs on the publishes being measured.
    public BenchEventCounterDefinition() => Endpoint(e => e.PrefetchCount = 256);
}
