using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Persistence;

namespace Platform.BuildingBlocks.Tests;

public abstract class DatabaseLeaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(15);
    private static readonly DateTime T0 = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
    private MessagingTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await MessagingTestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<bool> TryAcquireAsync(string holder, DateTime now, string name = "work")
    {
        await using var db = _database.NewContext();
        return await DatabaseLease.TryAcquireAsync(db, name, holder, Ttl, now, CancellationToken.None);
    }

    private Task<DistributedLease> LeaseAsync(string name = "work") => _database.QueryAsync(db => db.Leases.SingleAsync(l => l.Name == name));

    [Fact]
    public async Task The_first_replica_acquires_a_new_lease_for_the_ttl()
    {
        Assert.True(await TryAcquireAsync("a", T0));

        var lease = await LeaseAsync();
        Assert.Equal("a", lease.Holder);
        Assert.Equal(T0 + Ttl, lease.ExpiresAt);
    }

    [Fact]
    public async Task Another_replica_is_refused_while_the_lease_is_held()
    {
        await TryAcquireAsync("a", T0);

        Assert.False(await TryAcquireAsync("b", T0 + Ttl - TimeSpan.FromMilliseconds(1)));
        Assert.Equal("a", (await LeaseAsync()).Holder);
    }

    [Fact]
    public async Task The_holder_renews_its_lease_before_it_ends()
    {
        await TryAcquireAsync("a", T0);

        Assert.True(await TryAcquireAsync("a", T0 + TimeSpan.FromSeconds(10)));
        Assert.Equal(T0 + TimeSpan.FromSeconds(25), (await LeaseAsync()).ExpiresAt);
        Assert.False(await TryAcquireAsync("b", T0 + TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Another_replica_takes_over_a_lease_that_expired()
    {
        await TryAcquireAsync("a", T0);

        Assert.True(await TryAcquireAsync("b", T0 + Ttl + TimeSpan.FromMilliseconds(1)));
        Assert.Equal("b", (await LeaseAsync()).Holder);
        Assert.False(await TryAcquireAsync("a", T0 + Ttl + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_released_lease_is_free_at_once_and_only_its_holder_releases_it()
    {
        await TryAcquireAsync("a", T0);
        await using (var db = _database.NewContext())
        {
            await DatabaseLease.ReleaseAsync(db, "work", "b", CancellationToken.None);
        }

        Assert.False(await TryAcquireAsync("b", T0 + TimeSpan.FromSeconds(1)));

        await using (var db = _database.NewContext())
        {
            await DatabaseLease.ReleaseAsync(db, "work", "a", CancellationToken.None);
        }

        Assert.True(await TryAcquireAsync("b", T0 + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Leases_of_different_names_are_independent()
    {
        Assert.True(await TryAcquireAsync("a", T0, "outbox-relay"));
        Assert.True(await TryAcquireAsync("b", T0, "inbox-pruner"));
    }

    [Fact]
    public async Task Of_replicas_racing_for_a_new_lease_exactly_one_gets_it()
    {
        for (var round = 0; round < 5; round++)
        {
            var name = $"race-{round}";
            using var start = new ManualResetEventSlim();
            var racers = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await TryAcquireAsync($"replica-{i}", T0, name);
            })).ToArray();
            start.Set();

            var won = await Task.WhenAll(racers);

            Assert.Equal(1, won.Count(w => w));
            Assert.Equal($"replica-{Array.IndexOf(won, true)}", (await LeaseAsync(name)).Holder);
        }
    }

    [Fact]
    public async Task A_context_with_pending_changes_is_refused_so_the_lease_never_commits_them()
    {
        await using var db = _database.NewContext();
        db.InboxMessages.Add(new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "c", ProcessedAt = T0 });

        await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseLease.TryAcquireAsync(db, "work", "a", Ttl, T0, CancellationToken.None));
    }
}

public sealed class DatabaseLeaseTestsOnSqlite() : DatabaseLeaseTests(DatabaseProvider.Sqlite);

public sealed class DatabaseLeaseTestsOnPostgres() : DatabaseLeaseTests(DatabaseProvider.Postgres);
