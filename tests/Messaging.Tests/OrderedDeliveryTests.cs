using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>An event of an aggregate with its place in the aggregate's order.</summary>
public sealed record OrderedEvent(string Aggregate, int Seq);

/// <summary>What each consuming replica handled, redeliveries included, in the order it finished handling it.</summary>
public sealed class HandledLog
{
    private readonly ConcurrentQueue<(Guid MessageId, string Replica, OrderedEvent Event)> _handled = new();

    public IReadOnlyList<(Guid MessageId, string Replica, OrderedEvent Event)> Handled => _handled.ToArray();

    /// <summary>Each message's first handling: what an inbox consumer applies (it skips a redelivery).</summary>
    public IReadOnlyList<(Guid MessageId, string Replica, OrderedEvent Event)> Applied => [.. _handled.DistinctBy(h => h.MessageId)];

    public void Add(Guid messageId, string replica, OrderedEvent message) => _handled.Enqueue((messageId, replica, message));
}

/// <summary>
/// Takes a random few milliseconds per event, as real consumers' database work does, so that
/// events handled side by side (by two replicas, or by one at once) would finish out of order.
/// </summary>
public sealed class OrderedEventRecorder(HandledLog log, ReplicaIdentity replica) : IConsumer<OrderedEvent>
{
    public async Task Consume(ConsumeContext<OrderedEvent> context)
    {
        await Task.Delay(Random.Shared.Next(0, 15));
        log.Add(context.MessageId ?? Guid.Empty, replica.Id, context.Message);
    }
}

/// <summary>
/// Two replicas of a consuming service on one queue, set up by <see cref="MessagingSetup.AddPlatformMessaging{TContext}"/>:
/// each aggregate's events are handled in the order they were published, while one replica consumes
/// (single active consumer), and after it stops, by the other.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class OrderedDeliveryTests(BrokerFixture fixture) : IAsyncLifetime
{
    private const int Aggregates = 12;
    private const int EventsEach = 40;

    private readonly TestDatabase _database = TestDatabase.Create("ordered");
    private readonly HandledLog _log = new();
    private readonly string _queuePrefix = $"ordered-{Guid.NewGuid():N}"[..16];
    private readonly List<IHost> _hosts = [];

    public async Task InitializeAsync()
    {
        if (!fixture.Broker.IsRunning)
        {
            await fixture.Broker.StartAsync(TimeSpan.FromSeconds(60));
        }

        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
        await _database.PrepareAsync(db);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Each_aggregates_events_are_handled_in_published_order_by_one_replica_at_a_time_and_the_other_takes_over()
    {
        var first = await StartReplicaAsync();
        var second = await StartReplicaAsync();
        await AddEventsAsync(first, 0, EventsEach / 2);
        await WaitForHandledAsync(Aggregates * EventsEach / 2);

        // One replica consumed the queue; the other stood by.
        var active = Assert.Single(_log.Handled.Select(h => h.Replica).Distinct());
        var (consumer, standby) = active == IdOf(first) ? (first, second) : (second, first);

        // The consumer goes (a deploy, a crash): the standby takes the queue, and the order holds across the change.
        await AddEventsAsync(standby, EventsEach / 2, EventsEach);
        await consumer.StopAsync();
        await WaitForHandledAsync(Aggregates * EventsEach);

        // A stopping consumer's unacknowledged messages come again to the standby; an inbox skips them.
        var handled = _log.Applied;
        Assert.Equal(Aggregates * EventsEach, handled.Count);
        Assert.Contains(handled, h => h.Replica == IdOf(standby));
        foreach (var aggregate in handled.GroupBy(h => h.Event.Aggregate))
        {
            Assert.Equal(Enumerable.Range(0, EventsEach), aggregate.Select(h => h.Event.Seq));
        }
    }

    /// <summary>Events <paramref name="from"/> to <paramref name="to"/> (exclusive) of every aggregate, aggregates interleaved, a commit per round.</summary>
    private static async Task AddEventsAsync(IHost replica, int from, int to)
    {
        await using var scope = replica.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        for (var seq = from; seq < to; seq++)
        {
            for (var a = 0; a < Aggregates; a++)
            {
                db.AddEvent(new OrderedEvent($"aggregate-{a:D2}", seq), $"aggregate-{a:D2}", DateTime.UtcNow);
            }

            await db.SaveChangesAsync();
        }
    }

    private async Task WaitForHandledAsync(int count) =>
        await Eventually.WaitAsync(() => Task.FromResult(_log.Applied.Count), n => n >= count, TimeSpan.FromSeconds(60), $"{count} events handled");

    private static string IdOf(IHost replica) => replica.Services.GetRequiredService<ReplicaIdentity>().Id;

    private ProbeDbContext NewContext() => new((DbContextOptions<ProbeDbContext>)_database.Configure(new DbContextOptionsBuilder<ProbeDbContext>()).Options);

    private async Task<IHost> StartReplicaAsync()
    {
        var host = ReplicaHost.Build(fixture.ConnectionString, _database, new Dictionary<string, string?> { ["Outbox:SweepInterval"] = "00:00:00.100" }, builder =>
        {
            builder.Services.AddSingleton(_log);
            builder.AddPlatformMessaging<ProbeDbContext>(bus => bus.AddConsumer<OrderedEventRecorder>(), _queuePrefix);
        });
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }
}
