using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging;

/// <summary>
/// What the outbox gauges show: rows waiting (parked rows excluded), the age of the oldest, rows the
/// relay cannot publish as they are, and parked rows.
/// </summary>
public sealed record OutboxFigures(long Backlog, bool BacklogEstimated, TimeSpan OldestAge, long Unpublishable, long Parked)
{
    /// <summary>Up to this many waiting rows are counted exactly.</summary>
    public const int ExactBacklogLimit = 10_000;

    /// <summary>
    /// Measures without reading the whole table: a broker outage can leave millions of rows, and the
    /// relay measures every few seconds. The oldest row is the lowest id (a seek on the key). The
    /// backlog is counted over at most <paramref name="exactLimit"/> + 1 ids of the key; above the
    /// limit it is the id span (highest − lowest + 1), which overstates by the rows already published
    /// in between. The relay publishes in id order, so the span is close, and past ten thousand an
    /// operator needs the size, not the exact figure. Unpublishable and parked rows are counted
    /// exactly through the NextAttemptAt and ParkedAt indexes: they are few.
    /// </summary>
    public static async Task<OutboxFigures> MeasureAsync(IMessagingDbContext db, DateTime now, CancellationToken cancellationToken, int exactLimit = ExactBacklogLimit)
    {
        var waiting = db.OutboxMessages.Where(m => m.ParkedAt == null);
        var oldest = await waiting.OrderBy(m => m.Id).Select(m => new { m.Id, m.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        // Every unpublishable row has a next attempt until an operator retries it (which clears both).
        var unpublishable = await db.OutboxMessages.LongCountAsync(m => m.NextAttemptAt != null && m.Unpublishable && m.ParkedAt == null, cancellationToken);
        var parked = await db.OutboxMessages.LongCountAsync(m => m.ParkedAt != null, cancellationToken);
        if (oldest is null)
        {
            return new OutboxFigures(0, false, TimeSpan.Zero, unpublishable, parked);
        }

        var age = now > oldest.CreatedAt ? now - oldest.CreatedAt : TimeSpan.Zero;
        var counted = await waiting.OrderBy(m => m.Id).Select(m => m.Id).Take(exactLimit + 1).LongCountAsync(cancellationToken);
        if (counted <= exactLimit)
        {
            return new OutboxFigures(counted, false, age, unpublishable, parked);
        }

        var newest = await waiting.OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync(cancellationToken);
        return new OutboxFigures(newest - oldest.Id + 1, true, age, unpublishable, parked);
    }
}
