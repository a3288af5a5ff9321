using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Messaging;
using Platform.Persistence;

namespace Platform.BuildingBlocks.Tests;

public abstract class InboxPrunerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private MessagingTestDatabase _database = null!;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => _database = await MessagingTestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task AddInboxRowsAsync(int count, TimeSpan age, string consumer)
    {
        await using var db = _database.NewContext();
        db.InboxMessages.AddRange(Enumerable.Range(0, count).Select(_ => new InboxMessage { MessageId = Guid.NewGuid(), Consumer = consumer, ProcessedAt = Now - age }));
        await db.SaveChangesAsync();
    }

    private Task<List<string>> ConsumersLeftAsync() =>
        _database.QueryAsync(db => db.InboxMessages.Select(m => m.Consumer).Distinct().OrderBy(c => c).ToListAsync());

    [Fact]
    public async Task Deletes_only_rows_older_than_the_default_thirty_days()
    {
        await AddInboxRowsAsync(3, TimeSpan.FromDays(400), "a-year-old");
        await AddInboxRowsAsync(3, TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1), "b-just-past-retention");
        await AddInboxRowsAsync(3, TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1), "c-just-within-retention");
        await AddInboxRowsAsync(3, TimeSpan.FromMinutes(5), "d-recent");
        await using var host = await MessagingTestHost.StartAsync(_database, _clock, new PublishLog());

        var pruned = await host.Services.GetRequiredService<InboxPruner<MessagingTestDbContext>>().PruneAsync(CancellationToken.None);

        Assert.Equal(6, pruned);
        Assert.Equal(["c-just-within-retention", "d-recent"], await ConsumersLeftAsync());
    }

    [Fact]
    public async Task Honours_a_configured_retention_and_deletes_past_one_chunk()
    {
        await AddInboxRowsAsync(InboxPruner<MessagingTestDbContext>.ChunkSize * 2 + 7, TimeSpan.FromDays(8), "old");
        await AddInboxRowsAsync(10, TimeSpan.FromDays(6), "kept");
        await using var host = await MessagingTestHost.StartAsync(_database, _clock, new PublishLog(), settings: new Dictionary<string, string?>
        {
            ["Messaging:InboxRetention"] = "7.00:00:00",
        });

        var pruned = await host.Services.GetRequiredService<InboxPruner<MessagingTestDbContext>>().PruneAsync(CancellationToken.None);

        Assert.Equal(InboxPruner<MessagingTestDbContext>.ChunkSize * 2 + 7, pruned);
        Assert.Equal(["kept"], await ConsumersLeftAsync());
        Assert.Equal(10, await _database.QueryAsync(db => db.InboxMessages.CountAsync()));
    }
}

public sealed class InboxPrunerTestsOnSqlite() : InboxPrunerTests(DatabaseProvider.Sqlite);

public sealed class InboxPrunerTestsOnPostgres() : InboxPrunerTests(DatabaseProvider.Postgres);
