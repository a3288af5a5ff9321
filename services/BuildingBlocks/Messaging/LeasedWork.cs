using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging;

/// <summary>
/// Scheduled work that must run once across the replicas of a service (a daily sweep, pruning): each
/// replica's timer fires, and only the replica that holds the database lease named for the work runs it.
/// </summary>
public sealed partial class LeasedWork<TContext>(IServiceScopeFactory scopes, ReplicaIdentity replica, TimeProvider time, ILogger<LeasedWork<TContext>> logger)
    where TContext : DbContext, IMessagingDbContext
{
    /// <summary>
    /// Runs <paramref name="work"/> every <paramref name="interval"/> (first after one interval, or at
    /// once with <paramref name="runAtStart"/>) in the replica holding lease <paramref name="name"/>.
    /// The lease lasts one interval and a margin (<see cref="LeaseFor"/>) and the holder renews it at
    /// each of its ticks, so it keeps the work while it lives, and the other replicas' timers, which fire
    /// at other moments of the interval, find it held. When the holder dies, the first replica whose
    /// timer fires after the lease ran out takes the work over: at most about two intervals pass without it.
    /// A failed run is logged and the next tick runs again.
    /// </summary>
    public async Task RunEveryAsync(string name, TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken cancellationToken, bool runAtStart = false)
    {
        // Created before the first await, so a test's clock that moves right after start is seen.
        using var timer = new PeriodicTimer(interval, time);
        var ttl = LeaseFor(interval);
        if (runAtStart)
        {
            await RunLoggedAsync(name, ttl, work, cancellationToken);
        }

        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            await RunLoggedAsync(name, ttl, work, cancellationToken);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> if this replica holds lease <paramref name="name"/> (renewing it) or
    /// can take it (expired or never taken), for <paramref name="ttl"/>. Returns false, without running,
    /// when another replica holds it. The lease is kept after the work, so replicas asking later within
    /// the TTL do not run it again. A run longer than a third of the TTL renews the lease as it goes;
    /// if another replica has taken it meanwhile, the work is cancelled.
    /// </summary>
    public async Task<bool> RunUnderLeaseAsync(string name, TimeSpan ttl, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (!await TryHoldAsync(name, ttl, cancellationToken))
        {
            return false;
        }

        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var done = new CancellationTokenSource();
        var renewals = RenewWhileRunningAsync(name, ttl, lost, done.Token);
        try
        {
            await work(lost.Token);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogLeaseLost(name, replica.Id);
        }
        finally
        {
            await done.CancelAsync();
            await renewals;
        }

        return true;
    }

    /// <summary>
    /// One interval and a margin of a tenth of it (at least 30 s): the holder's next tick renews the
    /// lease before it ends, even with a busy database or a timer that fires late.
    /// </summary>
    public static TimeSpan LeaseFor(TimeSpan interval) => interval + TimeSpan.FromTicks(Math.Max(interval.Ticks / 10, TimeSpan.FromSeconds(30).Ticks));

    private async Task RunLoggedAsync(string name, TimeSpan ttl, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await RunUnderLeaseAsync(name, ttl, work, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(name, ex);
        }
    }

    private async Task<bool> TryHoldAsync(string name, TimeSpan ttl, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await DatabaseLease.TryAcquireAsync(db, name, replica.Id, ttl, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    private async Task RenewWhileRunningAsync(string name, TimeSpan ttl, CancellationTokenSource lost, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ttl / 3, time, done);
                bool held;
                try
                {
                    held = await TryHoldAsync(name, ttl, done);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database may be back at the next renewal, well before the lease ends.
                    LogRenewalFailed(name, ex);
                    continue;
                }

                if (!held)
                {
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            // The work finished.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled work {Lease} failed; it runs again at the next interval")]
    private partial void LogFailed(string lease, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replica {Replica} lost lease {Lease} while running its work; the work was cancelled")]
    private partial void LogLeaseLost(string lease, string replica);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease} could not be renewed; trying again")]
    private partial void LogRenewalFailed(string lease, Exception error);
}
