using Microsoft.Extensions.Time.Testing;

namespace Platform.BuildingBlocks.Tests;

public sealed class OutboxGaugesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly PublishLog _log = new();
    private MessagingTestDatabase _database = null!;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => _database = await MessagingTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static IEnumerable<TestEvent> Events(int count) => Enumerable.Range(0, count).Select(i => new TestEvent($"household-{i}", 0));

    [Fact]
    public async Task Only_the_relaying_replica_reports_the_backlog_so_a_sum_over_replicas_stays_right()
    {
        await using var a = await MessagingTestHost.StartAsync(_database, _clock, _log, "a");
        await using var b = await MessagingTestHost.StartAsync(_database, _clock, _log, "b");
        using var gaugesA = new GaugeReader(a.Services);
        using var gaugesB = new GaugeReader(b.Services);
        await _database.AddEventsAsync(Events(2), Now);
        await b.Relay.RelayBatchAsync(CancellationToken.None);
        Assert.Equal(2, gaugesB.Read("pa.outbox.backlog"));

        // b stalls past its lease; a takes over, and b, back, stands by.
        _clock.Advance(TimeSpan.FromSeconds(16));
        await _database.AddEventsAsync(Events(3), Now.AddMinutes(-2));
        await a.Relay.RelayBatchAsync(CancellationToken.None);
        await b.Relay.RelayBatchAsync(CancellationToken.None);

        Assert.Equal(3, gaugesA.Read("pa.outbox.backlog"));
        Assert.Equal(120, gaugesA.Read("pa.outbox.oldest_age"));
        Assert.Null(gaugesB.Read("pa.outbox.backlog"));
        Assert.Null(gaugesB.Read("pa.outbox.oldest_age"));
    }

    [Fact]
    public async Task The_backlog_is_measured_at_most_once_per_metrics_interval()
    {
        await using var relay = await MessagingTestHost.StartAsync(_database, _clock, _log);
        using var gauges = new GaugeReader(relay.Services);
        await _database.AddEventsAsync(Events(2), Now);
        await relay.Relay.RelayBatchAsync(CancellationToken.None);

        await _database.AddEventsAsync(Events(4), Now);
        _clock.Advance(TimeSpan.FromSeconds(4));
        await relay.Relay.RelayBatchAsync(CancellationToken.None);

        Assert.Equal(2, gauges.Read("pa.outbox.backlog"));

        await _database.AddEventsAsync(Events(1), Now);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await relay.Relay.RelayBatchAsync(CancellationToken.None);

        Assert.Equal(1, gauges.Read("pa.outbox.backlog"));
    }
}
