using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Platform.Messaging;
using Platform.Persistence;

namespace Platform.BuildingBlocks.Tests;

/// <summary>The relay publishes only while it holds the outbox lease; the in-memory bus stands in for RabbitMQ.</summary>
public abstract class OutboxRelayLeaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly PublishLog _log = new();
    private MessagingTestDatabase _database = null!;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => _database = await MessagingTestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static IEnumerable<TestEvent> Interleaved(int aggregates, int perAggregate) =>
        Enumerable.Range(0, perAggregate).SelectMany(seq => Enumerable.Range(0, aggregates).Select(a => new TestEvent($"household-{a}", seq)));

    private Task<int> OutboxCountAsync() => _database.QueryAsync(db => db.OutboxMessages.CountAsync());

    [Fact]
    public async Task Two_relays_on_one_database_never_publish_a_row_twice_and_keep_each_aggregates_order()
    {
        var settings = new Dictionary<string, string?> { ["Outbox:BatchSize"] = "7", ["Outbox:MaxConcurrentPublishes"] = "4" };
        await using var a = await MessagingTestHost.StartAsync(_database, _clock, _log, "a", settings);
        await using var b = await MessagingTestHost.StartAsync(_database, _clock, _log, "b", settings);
        await _database.AddEventsAsync(Interleaved(aggregates: 6, perAggregate: 20), Now);

        // Both relays pass as fast as they can, at the same time, until half the rows went.
        await Task.WhenAll(RelayWhileAsync(a, () => _log.Entries.Count < 60), RelayWhileAsync(b, () => _log.Entries.Count < 60));
        var firstHolder = _log.Entries[0].Replica;
        Assert.All(_log.Entries, e => Assert.Equal(firstHolder, e.Replica));

        // The holder dies; once its lease has run out, the other relay takes over and finishes.
        var (dead, standby) = firstHolder == "a" ? (a, b) : (b, a);
        _clock.Advance(TimeSpan.FromSeconds(16));
        await RelayWhileAsync(standby, () => _log.Entries.Count < 120);

        Assert.Equal(0, await OutboxCountAsync());
        Assert.Equal(120, _log.Entries.Select(e => e.MessageId).Distinct().Count());
        Assert.Equal(120, _log.Entries.Count);
        Assert.Contains(_log.Entries, e => e.Replica == standby.Name);
        foreach (var aggregate in _log.Events.GroupBy(e => e.Aggregate))
        {
            Assert.Equal(Enumerable.Range(0, 20), aggregate.Select(e => e.Seq));
        }

        // The replica that lost the lease does not come back while the new holder renews it.
        await _database.AddEventsAsync([new TestEvent("household-0", 20)], Now);
        Assert.True((await dead.Relay.RelayBatchAsync(CancellationToken.None)).StandingBy);
        Assert.Equal(120, _log.Entries.Count);
    }

    [Fact]
    public async Task A_relay_publishes_nothing_while_another_replica_holds_the_lease()
    {
        await using var relay = await MessagingTestHost.StartAsync(_database, _clock, _log);
        await _database.AddEventsAsync(Interleaved(2, 3), Now);
        await _database.QueryAsync(async db =>
        {
            db.Leases.Add(new DistributedLease { Name = DatabaseLease.OutboxRelay, Holder = "another-replica", ExpiresAt = Now.AddSeconds(10) });
            return await db.SaveChangesAsync();
        });

        var standingBy = await relay.Relay.RelayBatchAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(9));
        var stillStandingBy = await relay.Relay.RelayBatchAsync(CancellationToken.None);

        Assert.True(standingBy.StandingBy);
        Assert.True(stillStandingBy.StandingBy);
        Assert.Empty(_log.Entries);
        Assert.Equal(6, await OutboxCountAsync());

        _clock.Advance(TimeSpan.FromSeconds(2));
        var tookOver = await relay.Relay.RelayBatchAsync(CancellationToken.None);

        Assert.False(tookOver.StandingBy);
        Assert.Equal(6, tookOver.Published);
        Assert.Equal(relay.ReplicaId, (await _database.QueryAsync(db => db.Leases.SingleAsync())).Holder);
    }

    [Fact]
    public async Task A_pass_stops_publishing_before_its_lease_would_end_and_the_next_pass_renews_it()
    {
        // Lease 15 s, publishes up to 10 s each: a pass may start publishes for the first 5 s of its lease.
        var settings = new Dictionary<string, string?> { ["Outbox:MaxConcurrentPublishes"] = "1" };
        await using var relay = await MessagingTestHost.StartAsync(_database, _clock, _log, settings: settings);
        relay.BeforePublish = () => _clock.Advance(TimeSpan.FromSeconds(1));
        await _database.AddEventsAsync(Interleaved(aggregates: 1, perAggregate: 12), Now);

        var first = await relay.Relay.RelayBatchAsync(CancellationToken.None);

        Assert.True(first.CutShort);
        Assert.Equal(12, first.Fetched);
        Assert.Equal(5, first.Published);
        Assert.Equal(7, await OutboxCountAsync());
        var lease = await _database.QueryAsync(db => db.Leases.SingleAsync());
        Assert.True(Now < lease.ExpiresAt, "every publish of the pass began and ended while the lease held");

        var second = await relay.Relay.RelayBatchAsync(CancellationToken.None);
        var third = await relay.Relay.RelayBatchAsync(CancellationToken.None);

        Assert.Equal(5, second.Published);
        Assert.Equal(2, third.Published);
        Assert.False(third.CutShort);
        Assert.Equal(Enumerable.Range(0, 12), _log.Events.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_lease_shorter_than_a_publish_is_refused_at_start()
    {
        var settings = new Dictionary<string, string?> { ["Outbox:LeaseTtl"] = "00:00:05", ["Outbox:PublishTimeout"] = "00:00:10" };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => MessagingTestHost.StartAsync(_database, _clock, _log, settings: settings));

        Assert.Contains("LeaseTtl", error.Message);
    }

    private static async Task RelayWhileAsync(MessagingTestHost host, Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (condition())
        {
            Assert.True(DateTime.UtcNow < until, $"relay {host.Name} did not finish");
            await host.Relay.RelayBatchAsync(CancellationToken.None);
        }
    }
}

public sealed class OutboxRelayLeaseTestsOnSqlite() : OutboxRelayLeaseTests(DatabaseProvider.Sqlite);

public sealed class OutboxRelayLeaseTestsOnPostgres() : OutboxRelayLeaseTests(DatabaseProvider.Postgres);
