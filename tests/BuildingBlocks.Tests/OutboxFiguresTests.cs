using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Persistence;

namespace Platform.BuildingBlocks.Tests;

public abstract class OutboxFiguresTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
    private MessagingTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await MessagingTestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<OutboxFigures> MeasureAsync(int exactLimit) =>
        _database.QueryAsync(db => OutboxFigures.MeasureAsync(db, Now, CancellationToken.None, exactLimit));

    private static IEnumerable<TestEvent> Events(int count) => Enumerable.Range(0, count).Select(i => new TestEvent($"agg-{i}", 0));

    [Fact]
    public async Task An_empty_outbox_has_no_backlog_and_no_age()
    {
        var figures = await MeasureAsync(10);

        Assert.Equal(new OutboxFigures(0, false, TimeSpan.Zero, 0, 0), figures);
    }

    [Fact]
    public async Task Up_to_the_limit_the_backlog_is_exact_and_the_age_is_the_oldest_rows()
    {
        await _database.AddEventsAsync(Events(4), Now.AddMinutes(-3));
        await _database.AddEventsAsync(Events(6), Now.AddMinutes(-1));

        var figures = await MeasureAsync(10);

        Assert.Equal(10, figures.Backlog);
        Assert.False(figures.BacklogEstimated);
        Assert.Equal(TimeSpan.FromMinutes(3), figures.OldestAge);
    }

    [Fact]
    public async Task Above_the_limit_the_backlog_is_estimated_from_the_id_span()
    {
        var ids = await _database.AddEventsAsync(Events(30), Now);
        // Rows published out of order leave holes: the span still counts them.
        var published = ids.Skip(10).Take(5).ToArray();
        await _database.QueryAsync(db => db.OutboxMessages.Where(m => published.Contains(m.Id)).ExecuteDeleteAsync());

        var figures = await MeasureAsync(10);

        Assert.True(figures.BacklogEstimated);
        Assert.Equal(30, figures.Backlog);
        Assert.Equal(ids[^1] - ids[0] + 1, figures.Backlog);
    }

    [Fact]
    public async Task Parked_rows_leave_the_backlog_and_are_counted_apart_from_unpublishable_ones()
    {
        var parked = await _database.AddUnpublishableRowAsync("p", Now.AddHours(-2));
        var unpublishable = await _database.AddUnpublishableRowAsync("u", Now.AddHours(-1));
        await _database.AddEventsAsync(Events(3), Now.AddMinutes(-1));
        await _database.QueryAsync(async db =>
        {
            await db.OutboxMessages.Where(m => m.Id == parked || m.Id == unpublishable).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Unpublishable, true).SetProperty(m => m.Attempts, 1).SetProperty(m => m.NextAttemptAt, Now.AddMinutes(1)));
            return await db.OutboxMessages.Where(m => m.Id == parked).ExecuteUpdateAsync(s => s.SetProperty(m => m.ParkedAt, Now));
        });

        var figures = await MeasureAsync(10);

        Assert.Equal(4, figures.Backlog);
        Assert.Equal(TimeSpan.FromHours(1), figures.OldestAge);
        Assert.Equal(1, figures.Unpublishable);
        Assert.Equal(1, figures.Parked);
    }
}

public sealed class OutboxFiguresTestsOnSqlite() : OutboxFiguresTests(DatabaseProvider.Sqlite);

public sealed class OutboxFiguresTestsOnPostgres() : OutboxFiguresTests(DatabaseProvider.Postgres);
