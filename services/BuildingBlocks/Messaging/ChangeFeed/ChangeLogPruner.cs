using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Messaging.ChangeFeed;

/// <summary>
/// Deletes changes older than the retention, oldest first and in one replica at a time. The log stays
/// a gap-free run of numbers (only a prefix is ever deleted), so "the oldest cursor" is one number,
/// and the newest change is always kept, so numbering never restarts after a long quiet spell.
/// </summary>
public sealed class ChangeLogPruner<TContext>(
    IServiceScopeFactory scopes,
    LeasedWork<TContext> leasedWork,
    TimeProvider time,
    ChangeFeedMetrics metrics,
    IOptions<ChangeFeedOptions> options) : BackgroundService
    where TContext : DbContext, IChangeFeedDbContext
{
    /// <summary>Rows per DELETE: short statements keep SQLite's one write lock short.</summary>
    public const int ChunkSize = 5_000;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PruneInterval;
        return interval <= TimeSpan.Zero
            ? Task.CompletedTask
            : leasedWork.RunEveryAsync(DatabaseLease.ChangeLogPruner, interval, PruneAsync, stoppingToken, runAtStart: true);
    }

    /// <summary>Deletes the changes created before now minus the retention; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.Retention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var newest = await db.Changes.MaxAsync(c => c.Sequence, cancellationToken) ?? 0;
        // The last expired change by number; everything before it goes too (at most seconds younger).
        var through = await db.Changes.Where(c => c.Sequence != null && c.Sequence < newest && c.CreatedAt < cutoff)
            .MaxAsync(c => c.Sequence, cancellationToken) ?? 0;
        var total = 0;
        while (true)
        {
            var oldest = await db.Changes.MinAsync(c => c.Sequence, cancellationToken) ?? 0;
            if (oldest == 0 || oldest > through)
            {
                return total;
            }

            var upTo = Math.Min(through, oldest + ChunkSize - 1);
            var deleted = await db.Changes.Where(c => c.Sequence != null && c.Sequence <= upTo).ExecuteDeleteAsync(cancellationToken);
            metrics.Pruned(deleted);
            total += deleted;
        }
    }
}
