using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Persistence;

using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>An event with its aggregate and its place in the aggregate's order.</summary>
public sealed record ReplicaEvent(string Aggregate, int Seq);

/// <summary>Every delivery the observer saw, duplicates included, in the order it handled them.</summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentQueue<(Guid MessageId, ReplicaEvent Event)> _deliveries = new();

    public IReadOnlyList<(Guid MessageId, ReplicaEvent Event)> Deliveries => _deliveries.ToArray();

    public void Add(Guid messageId, ReplicaEvent message) => _deliveries.Enqueue((messageId, message));
}

/// <summary>Records each delivery, one at a time, without an inbox: a second publish of a row would show.</summary>
public sealed class ReplicaEventRecorder(DeliveryLog log) : IConsumer<ReplicaEvent>
{
    public Task Consume(ConsumeContext<ReplicaEvent> context)
    {
        log.Add(context.MessageId ?? Guid.Empty, context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Two replicas of a service, each with its own relay, on one SQLite database and the real broker:
/// every event arrives once and in order per aggregate, and a replica that stops or dies is replaced.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class ReplicaRelayTests(BrokerFixture fixture) : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("replicas");
    private readonly DeliveryLog _log = new();
    private readonly List<IHost> _hosts = [];
    private IHost _observer = null!;

    public async Task InitializeAsync()
    {
        if (!fixture.Broker.IsRunning)
        {
            await fixture.Broker.StartAsync(TimeSpan.FromSeconds(60));
        }

        _observer = await StartObserverAsync();
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
        await _database.PrepareAsync(db);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Append(_observer))
        {
            await host.StopAsync();
            host.Dispose();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Two_replicas_deliver_every_event_once_in_order_per_aggregate_and_the_standby_takes_over_when_the_holder_stops()
    {
        await AddEventsAsync(null, 0, 15);
        var replicas = await Task.WhenAll(StartReplicaAsync(), StartReplicaAsync());
        // Commits in both replicas, one after the other: a household's events are written by one
        // writer at a time in the services (its version row serialises them), and the order to keep is
        // the order they were written in. Two writers of one aggregate at once have no order to keep.
        await AddEventsAsync(replicas[0], 15, 30);
        await AddEventsAsync(replicas[1], 30, 45);

        await WaitForDeliveriesAsync(450);
        var holder = await HolderAsync();
        var (active, standby) = IdOf(replicas[0]) == holder ? (replicas[0], replicas[1]) : (replicas[1], replicas[0]);
        Assert.Equal(IdOf(active), holder);

        await active.StopAsync();
        await AddEventsAsync(standby, 45, 55);

        await WaitForDeliveriesAsync(550);
        Assert.Equal(IdOf(standby), await HolderAsync());
        AssertOncePerRowInOrder(550);
    }

    [Fact]
    public async Task A_replica_waits_while_a_dead_holders_lease_lasts_and_then_relays()
    {
        await using (var db = NewContext())
        {
            db.Leases.Add(new DistributedLease { Name = DatabaseLease.OutboxRelay, Holder = "dead-replica", ExpiresAt = DateTime.UtcNow.AddSeconds(3) });
            await db.SaveChangesAsync();
        }

        var clock = Stopwatch.StartNew();
        var replica = await StartReplicaAsync();
        await AddEventsAsync(replica, 0, 5);

        var untilTwoSeconds = TimeSpan.FromSeconds(2) - clock.Elapsed;
        if (untilTwoSeconds > TimeSpan.Zero)
        {
            await Task.Delay(untilTwoSeconds);
        }

        Assert.Empty(_log.Deliveries);

        await WaitForDeliveriesAsync(50);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(30));
        Assert.Equal(IdOf(replica), await HolderAsync());
        AssertOncePerRowInOrder(50);
    }

    private const int Aggregates = 10;

    /// <summary>
    /// Events seq <paramref name="from"/> to <paramref name="to"/> (exclusive) of every aggregate, aggregates
    /// interleaved, in small commits through the replica's own context (or a plain one without a replica).
    /// </summary>
    private async Task AddEventsAsync(IHost? replica, int from, int to)
    {
        await using var scope = replica?.Services.CreateAsyncScope();
        await using var db = scope?.ServiceProvider.GetRequiredService<ProbeDbContext>() ?? NewContext();
        for (var seq = from; seq < to; seq++)
        {
            for (var a = 0; a < Aggregates; a++)
            {
                db.AddEvent(new ReplicaEvent($"household-{a}", seq), $"household-{a}", DateTime.UtcNow);
            }

            await db.SaveChangesAsync();
        }
    }

    private void AssertOncePerRowInOrder(int expected)
    {
        var deliveries = _log.Deliveries;
        Assert.Equal(expected, deliveries.Count);
        Assert.Equal(expected, deliveries.Select(d => d.MessageId).Distinct().Count());
        foreach (var aggregate in deliveries.GroupBy(d => d.Event.Aggregate))
        {
            Assert.Equal(Enumerable.Range(0, expected / Aggregates), aggregate.Select(d => d.Event.Seq));
        }
    }

    private async Task WaitForDeliveriesAsync(int count)
    {
        await Eventually.WaitAsync(() => Task.FromResult(_log.Deliveries.Count), n => n >= count, TimeSpan.FromSeconds(60), $"{count} deliveries");
        // A second publish of a row would arrive within moments.
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    private Task<string?> HolderAsync() => Task.Run(async () =>
    {
        await using var db = NewContext();
        return await db.Leases.Where(l => l.Name == DatabaseLease.OutboxRelay).Select(l => l.Holder).SingleOrDefaultAsync();
    });

    private static string IdOf(IHost replica) => replica.Services.GetRequiredService<ReplicaIdentity>().Id;

    private ProbeDbContext NewContext() => new((DbContextOptions<ProbeDbContext>)_database.Configure(new DbContextOptionsBuilder<ProbeDbContext>()).Options);

    private async Task<IHost> StartReplicaAsync()
    {
        var host = ReplicaHost.Build(fixture.ConnectionString, _database, new Dictionary<string, string?>
        {
            ["Outbox:SweepInterval"] = "00:00:00.100",
            ["Outbox:BatchSize"] = "20",
            ["Outbox:MaxConcurrentPublishes"] = "4",
            ["Outbox:LeaseTtl"] = "00:00:03",
            ["Outbox:PublishTimeout"] = "00:00:02",
            ["Outbox:MinBackoff"] = "00:00:00.200",
            ["Outbox:MaxBackoff"] = "00:00:01",
        }, builder => builder.AddPlatformMessaging<ProbeDbContext>());
        lock (_hosts)
        {
            _hosts.Add(host);
        }

        await host.StartAsync();
        return host;
    }

    /// <summary>A consumer that handles one message at a time, so the order it records is the queue's order.</summary>
    private async Task<IHost> StartObserverAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(_log);
        var broker = BrokerAddress.Parse(fixture.ConnectionString);
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<ReplicaEventRecorder>().Endpoint(e =>
            {
                e.Name = $"replica-relay-observer-{Guid.NewGuid():N}";
                e.Temporary = true;
                e.ConcurrentMessageLimit = 1;
                e.PrefetchCount = 1;
            });
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
                {
                    h.Username(broker.User);
                    h.Password(broker.Password);
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
