using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Messaging;

namespace Platform.BuildingBlocks.Tests;

public sealed class LeasedWorkTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly PublishLog _log = new();
    private MessagingTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await MessagingTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static LeasedWork<MessagingTestDbContext> Work(MessagingTestHost host) => host.Services.GetRequiredService<LeasedWork<MessagingTestDbContext>>();

    [Fact]
    public async Task Only_the_replica_holding_the_lease_runs_the_work_until_it_stops_renewing()
    {
        await using var a = await MessagingTestHost.StartAsync(_database, _clock, _log, "a");
        await using var b = await MessagingTestHost.StartAsync(_database, _clock, _log, "b");
        var ttl = LeasedWork<MessagingTestDbContext>.LeaseFor(Interval);
        var runs = new List<string>();

        for (var tick = 0; tick < 3; tick++)
        {
            // Both replicas' timers fire in the same interval; b's a little later.
            await Work(a).RunUnderLeaseAsync("sweep", ttl, _ => Record(runs, "a"), CancellationToken.None);
            _clock.Advance(TimeSpan.FromMinutes(20));
            await Work(b).RunUnderLeaseAsync("sweep", ttl, _ => Record(runs, "b"), CancellationToken.None);
            _clock.Advance(Interval - TimeSpan.FromMinutes(20));
        }

        Assert.Equal(["a", "a", "a"], runs);

        // a dies before its next tick: its lease ends one interval and a margin (6 min) after its last renewal,
        // and b's first attempt after that runs the work.
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(await Work(b).RunUnderLeaseAsync("sweep", ttl, _ => Record(runs, "b"), CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await Work(b).RunUnderLeaseAsync("sweep", ttl, _ => Record(runs, "b"), CancellationToken.None));
        Assert.Equal(["a", "a", "a", "b"], runs);
    }

    [Fact]
    public async Task Timed_work_runs_in_one_of_two_replicas_at_each_interval()
    {
        var runs = new RunCounter();
        await using var a = await MessagingTestHost.StartAsync(_database, _clock, _log, "a");
        await using var b = await MessagingTestHost.StartAsync(_database, _clock, _log, "b");
        using var stop = new CancellationTokenSource();
        var loops = new[] { a, b }.Select(host => Work(host).RunEveryAsync("sweep", Interval, _ => runs.RunAsync(host.Name), stop.Token)).ToArray();

        for (var tick = 1; tick <= 3; tick++)
        {
            _clock.Advance(Interval);
            await Eventually(() => runs.Total == tick, $"run {tick}");
            // Give the other replica's tick time to run the work too, were the lease not there.
            await Task.Delay(300);
            Assert.Equal(tick, runs.Total);
        }

        Assert.Single(runs.Replicas);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(loops));
    }

    [Fact]
    public async Task Work_is_cancelled_when_another_replica_took_its_lease_meanwhile()
    {
        await using var a = await MessagingTestHost.StartAsync(_database, _clock, _log, "a");
        var ttl = TimeSpan.FromMinutes(3);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = false;

        var run = Work(a).RunUnderLeaseAsync("sweep", ttl, async ct =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        }, CancellationToken.None);
        await started.Task;

        // A stalled holder: its lease ran out and another replica took it.
        await _database.QueryAsync(db => db.Leases.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "other")));
        _clock.Advance(ttl / 3);

        Assert.True(await run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(cancelled);
    }

    private static Task Record(List<string> runs, string replica)
    {
        runs.Add(replica);
        return Task.CompletedTask;
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }

    private sealed class RunCounter
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<string> _runs = [];

        public int Total => _runs.Count;

        public IReadOnlySet<string> Replicas => _runs.ToHashSet();

        public Task RunAsync(string replica)
        {
            _runs.Add(replica);
            return Task.CompletedTask;
        }
    }
}
