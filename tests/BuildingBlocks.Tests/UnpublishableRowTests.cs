using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Security;

namespace Platform.BuildingBlocks.Tests;

/// <summary>A row whose event type is gone: marked, counted, parked by an operator so its aggregate flows, retried, audited.</summary>
public abstract class UnpublishableRowTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Caller Operator = new("ops-1", "Ops One", PlatformRoles.Operator, RegionCode.Parse("340000000000"), new HashSet<string>());
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly PublishLog _log = new();
    private MessagingTestDatabase _database = null!;
    private MessagingTestHost _host = null!;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync()
    {
        _database = await MessagingTestDatabase.CreateAsync(provider);
        _host = await MessagingTestHost.StartAsync(_database, _clock, _log);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<OutboxMessage> RowAsync(long id) => _database.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private async Task<T> OperateAsync<T>(Func<IOutboxOperations, Task<T>> operation)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<IOutboxOperations>());
    }

    /// <summary>The next pass after the back-off and the metrics interval.</summary>
    private Task<RelayResult> LaterPassAsync()
    {
        _clock.Advance(TimeSpan.FromMinutes(5));
        return _host.Relay.RelayBatchAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_unpublishable_row_is_marked_and_holds_back_only_its_own_aggregate()
    {
        var bad = await _database.AddUnpublishableRowAsync("household-a", Now);
        await _database.AddEventsAsync([new TestEvent("household-a", 1), new TestEvent("household-b", 0)], Now);

        var pass = await _host.Relay.RelayBatchAsync(CancellationToken.None);

        Assert.False(pass.Failed);
        Assert.Equal([new TestEvent("household-b", 0)], _log.Events);
        var row = await RowAsync(bad);
        Assert.True(row.Unpublishable);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.NextAttemptAt);
        Assert.Contains("Retired.Events.SomethingHappened", row.LastError);

        await LaterPassAsync();

        Assert.Equal(2, (await RowAsync(bad)).Attempts);
        Assert.Single(_log.Events);
    }

    [Fact]
    public async Task The_gauges_count_unpublishable_and_parked_rows()
    {
        using var gauges = new GaugeReader(_host.Services);
        var bad = await _database.AddUnpublishableRowAsync("household-a", Now);
        await _database.AddEventsAsync([new TestEvent("household-a", 1)], Now);
        await _host.Relay.RelayBatchAsync(CancellationToken.None);

        await LaterPassAsync();

        Assert.Equal(1, gauges.Read("pa.outbox.unpublishable"));
        Assert.Equal(0, gauges.Read("pa.outbox.parked"));
        Assert.Equal(2, gauges.Read("pa.outbox.backlog"));

        await OperateAsync(o => o.ParkAsync(OutboxRowSelection.Of([bad]), Operator, "type retired", CancellationToken.None));
        await LaterPassAsync();
        await LaterPassAsync();

        Assert.Equal(0, gauges.Read("pa.outbox.unpublishable"));
        Assert.Equal(1, gauges.Read("pa.outbox.parked"));
        Assert.Equal(0, gauges.Read("pa.outbox.backlog"));
    }

    [Fact]
    public async Task A_parked_row_is_never_fetched_and_no_longer_blocks_its_aggregate_and_a_retry_brings_it_back()
    {
        var bad = await _database.AddUnpublishableRowAsync("household-a", Now);
        var other = await _database.AddUnpublishableRowAsync("household-c", Now);
        await _database.AddEventsAsync([new TestEvent("household-a", 1), new TestEvent("household-a", 2)], Now);
        await _host.Relay.RelayBatchAsync(CancellationToken.None);
        Assert.Empty(_log.Events);

        var parked = await OperateAsync(o => o.ParkAsync(OutboxRowSelection.All, Operator, "type retired in 2.3", CancellationToken.None));
        // At once: the parked row's next attempt is still ahead, and its aggregate no longer waits for it.
        await _host.Relay.RelayBatchAsync(CancellationToken.None);

        Assert.Equal(2, parked);
        Assert.Equal([new TestEvent("household-a", 1), new TestEvent("household-a", 2)], _log.Events);
        await LaterPassAsync();
        var parkedRow = await RowAsync(bad);
        Assert.Equal(Now.AddMinutes(-5), parkedRow.ParkedAt);
        Assert.Equal(1, parkedRow.Attempts);

        var problems = await OperateAsync(o => o.ListProblemRowsAsync(10, null, Operator, "review", CancellationToken.None));
        Assert.Equal(2, problems.Total);
        Assert.Equal([bad, other], problems.Rows.Select(r => r.Id));
        Assert.All(problems.Rows, r => Assert.True(r.Unpublishable && r.ParkedAt is not null));

        var retried = await OperateAsync(o => o.RetryAsync(OutboxRowSelection.Of([bad, 999_999]), Operator, "type is back", CancellationToken.None));

        Assert.Equal(1, retried);
        var row = await RowAsync(bad);
        Assert.Null(row.ParkedAt);
        Assert.Null(row.NextAttemptAt);
        Assert.Equal(0, row.Attempts);
        Assert.False(row.Unpublishable);
        Assert.NotNull((await RowAsync(other)).ParkedAt);

        // Still unpublishable here: the retry marks it again, and it is never dropped.
        await _host.Relay.RelayBatchAsync(CancellationToken.None);
        row = await RowAsync(bad);
        Assert.True(row.Unpublishable);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.ParkedAt);
    }

    [Fact]
    public async Task Every_list_retry_and_park_is_audited_with_the_operator_and_the_purpose()
    {
        var bad = await _database.AddUnpublishableRowAsync("household-a", Now);
        await _host.Relay.RelayBatchAsync(CancellationToken.None);

        await OperateAsync(o => o.ListProblemRowsAsync(10, null, Operator, "morning check", CancellationToken.None));
        await OperateAsync(o => o.ParkAsync(OutboxRowSelection.All, Operator, "type retired", CancellationToken.None));
        await OperateAsync(o => o.RetryAsync(OutboxRowSelection.All, Operator, "type is back", CancellationToken.None));

        var audit = await _database.QueryAsync(db => db.AuditRecords.OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(
            [("outbox.list-problems", "problem-rows", "morning check"), ("outbox.park", bad.ToString(), "type retired"), ("outbox.retry", bad.ToString(), "type is back")],
            audit.Select(a => (a.Action, a.EntityId, a.Purpose)));
        Assert.All(audit, a =>
        {
            Assert.Equal("ops-1", a.Actor);
            Assert.Equal(PlatformRoles.Operator, a.ActorRole);
            Assert.Equal("OutboxMessage", a.EntityType);
        });
    }

    [Fact]
    public async Task Parking_all_takes_only_unpublishable_rows_and_a_retry_of_all_only_problem_rows()
    {
        await _database.AddUnpublishableRowAsync("household-a", Now);
        await _database.AddEventsAsync([new TestEvent("household-b", 0)], Now);

        Assert.Equal(0, await OperateAsync(o => o.ParkAsync(OutboxRowSelection.All, Operator, "p", CancellationToken.None)));
        Assert.Equal(0, await OperateAsync(o => o.RetryAsync(OutboxRowSelection.All, Operator, "p", CancellationToken.None)));

        await _host.Relay.RelayBatchAsync(CancellationToken.None);
        Assert.Equal(1, await OperateAsync(o => o.ParkAsync(OutboxRowSelection.All, Operator, "p", CancellationToken.None)));
        Assert.Equal(1, await OperateAsync(o => o.RetryAsync(OutboxRowSelection.All, Operator, "p", CancellationToken.None)));
    }
}

public sealed class UnpublishableRowTestsOnSqlite() : UnpublishableRowTests(DatabaseProvider.Sqlite);

public sealed class UnpublishableRowTestsOnPostgres() : UnpublishableRowTests(DatabaseProvider.Postgres);
