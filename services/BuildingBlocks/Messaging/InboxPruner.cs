using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>Inbox pruning ("Messaging" section: <c>Messaging:InboxRetention</c>, <c>Messaging:InboxPruneInterval</c>).</summary>
public sealed class InboxPruningOptions
{
    /// <summary>
    /// How long an applied message id is remembered. The inbox only helps while a redelivery can still
    /// come: the broker redelivers within seconds to minutes (consumer retries, a lost connection); a
    /// relay re-publishes a row it had published but not yet deleted at its next pass after a crash;
    /// an operator re-drives an error queue once the cause is fixed, which can take days. Thirty days
    /// outlasts all of them, and the table (one row per event and consumer) stays bounded. A message
    /// redelivered after its row was pruned is applied again: re-driving a month-old error queue needs
    /// a longer retention first.
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the pruner runs (in one replica); zero turns it off.</summary>
    public TimeSpan InboxPruneInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Deletes inbox rows older than the retention, in one replica at a time (lease
/// <see cref="DatabaseLease.InboxPruner"/>), at start and then every interval.
/// </summary>
public sealed partial class InboxPruner<TContext>(
    IServiceScopeFactory scopes,
    LeasedWork<TContext> leasedWork,
    MessagingMetrics metrics,
    TimeProvider time,
    IOptions<InboxPruningOptions> options,
    ILogger<InboxPruner<TContext>> logger) : BackgroundService
    where TContext : DbContext, IMessagingDbContext
{
    /// <summary>Rows per DELETE: short statements keep the write lock short (SQLite has one per database) and the log small.</summary>
    public const int ChunkSize = 5_000;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.InboxPruneInterval;
        return interval <= TimeSpan.Zero
            ? Task.CompletedTask
            : leasedWork.RunEveryAsync(DatabaseLease.InboxPruner, interval, PruneAsync, stoppingToken, runAtStart: true);
    }

    /// <summary>Deletes every inbox row processed before now minus the retention; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.InboxRetention;
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            // The chunk ends at the processing time of its last row. A DELETE of "the oldest N" (ORDER BY
            // with LIMIT) would read the whole inbox on SQLite; a range of ProcessedAt is read from its index.
            var last = await db.InboxMessages.Where(m => m.ProcessedAt < cutoff)
                .OrderBy(m => m.ProcessedAt).Skip(ChunkSize - 1).Select(m => (DateTime?)m.ProcessedAt)
                .FirstOrDefaultAsync(cancellationToken);
            var until = last ?? cutoff;
            var deleted = await db.InboxMessages.Where(m => m.ProcessedAt < cutoff && m.ProcessedAt <= until)
                .ExecuteDeleteAsync(cancellationToken);
            total += deleted;
            metrics.InboxPruned(deleted);
            if (last is null || deleted == 0)
            {
                break;
            }
        }

        if (total > 0)
        {
            LogPruned(total, cutoff);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} inbox rows processed before {Cutoff:o}")]
    private partial void LogPruned(int count, DateTime cutoff);
}
