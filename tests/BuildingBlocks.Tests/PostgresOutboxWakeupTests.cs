using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Messaging;
using Platform.Persistence;

namespace Platform.BuildingBlocks.Tests;

/// <summary>
/// On PostgreSQL a commit in one replica wakes the relay of another (the one that may hold the
/// lease) at once, instead of at its next sweep.
/// </summary>
public sealed class PostgresOutboxWakeupTests
{
    private static readonly TimeSpan NoSweep = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_commit_in_one_replica_wakes_the_other_replicas_relay_and_not_its_own_twice()
    {
        await using var database = await MessagingTestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var (first, firstSignal) = Replica(database);
        var (second, secondSignal) = Replica(database);
        using var stop = new CancellationTokenSource();
        await first.StartAsync(stop.Token);
        await second.StartAsync(stop.Token);
        try
        {
            // Both listen once their LISTEN ran; until then a notification would be missed (and the sweep would cover it).
            await WaitUntilListeningAsync(database, 2);

            firstSignal.Notify();
            Assert.True(await WaitsLessThanAsync(firstSignal, TimeSpan.FromSeconds(2)), "the committing replica's own relay wakes");
            Assert.True(await WaitsLessThanAsync(secondSignal, TimeSpan.FromSeconds(5)), "the other replica's relay wakes on the notification");

            // The committing replica hears its own NOTIFY but ignores it: its relay was woken by the commit already.
            Assert.False(await WaitsLessThanAsync(firstSignal, TimeSpan.FromSeconds(2)), "no echo of its own commit");
        }
        finally
        {
            await stop.CancelAsync();
            await first.StopAsync(CancellationToken.None);
            await second.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task On_sqlite_there_is_no_channel_and_the_service_ends_at_once()
    {
        await using var database = await MessagingTestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (wakeup, _) = Replica(database);

        await wakeup.StartAsync(CancellationToken.None);

        Assert.True(wakeup.ExecuteTask is { } task && await Task.WhenAny(task, Task.Delay(5000)) == task);
    }

    private static (PostgresOutboxWakeup<MessagingTestDbContext> Wakeup, OutboxSignal Signal) Replica(MessagingTestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddDbContext<MessagingTestDbContext>(o => database.Configure(o));
        var provider = services.BuildServiceProvider();
        var signal = new OutboxSignal();
        var wakeup = new PostgresOutboxWakeup<MessagingTestDbContext>(
            provider.GetRequiredService<IServiceScopeFactory>(), signal, new ReplicaIdentity(), NullLogger<PostgresOutboxWakeup<MessagingTestDbContext>>.Instance);
        return (wakeup, signal);
    }

    private static async Task<bool> WaitsLessThanAsync(OutboxSignal signal, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        await signal.WaitAsync(limit + NoSweep, CancellationToken.None).WaitAsync(limit + TimeSpan.FromSeconds(1)).ContinueWith(_ => { });
        return watch.Elapsed < limit;
    }

    private static async Task WaitUntilListeningAsync(MessagingTestDatabase database, int listeners)
    {
        await using var db = database.NewContext();
        for (var i = 0; i < 100; i++)
        {
            var listening = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'").SingleAsync();
            if (listening >= listeners)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{listeners} replicas were not listening after 10 s.");
    }
}
