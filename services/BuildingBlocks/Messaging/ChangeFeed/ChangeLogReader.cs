using Microsoft.EntityFrameworkCore;
using Platform.Persistence;
using Platform.Security;

namespace Platform.Messaging.ChangeFeed;

/// <summary>A page of the log: the changes, and the cursor to continue from (past changes of other regions it skipped).</summary>
public sealed record ChangePage(IReadOnlyList<ChangeRecord> Changes, long NextCursor, bool CaughtUp);

/// <summary>The cursor is older than the retention (the changes after it were pruned), or ahead of the log.</summary>
public sealed class ChangeCursorException(string message, long oldest, long newest) : Exception(message)
{
    /// <summary>The oldest cursor that can still be read from (every change after it is kept).</summary>
    public long Oldest { get; } = oldest;

    public long Newest { get; } = newest;
}

/// <summary>Reads the change log for a subscriber: its region, its kinds, after its cursor.</summary>
public static class ChangeLogReader
{
    /// <summary>The cursor before the oldest change kept: reading after it reads the whole log.</summary>
    public static async Task<long> OldestCursorAsync(IChangeFeedDbContext db, CancellationToken cancellationToken) =>
        Math.Max((await db.Changes.MinAsync(c => c.Sequence, cancellationToken) ?? 1) - 1, 0);

    /// <summary>The newest cursor: reading after it reads only changes still to come.</summary>
    public static async Task<long> NewestCursorAsync(IChangeFeedDbContext db, CancellationToken cancellationToken) =>
        await db.Changes.MaxAsync(c => c.Sequence, cancellationToken) ?? 0;

    /// <summary>
    /// The log's bounds, checked against <paramref name="after"/>: a cursor before the oldest kept change
    /// or past the newest one is refused (a restored database, a cursor of another log).
    /// </summary>
    public static async Task CheckCursorAsync(IChangeFeedDbContext db, long after, CancellationToken cancellationToken)
    {
        var oldest = await db.Changes.MinAsync(c => c.Sequence, cancellationToken) ?? 0;
        var newest = await db.Changes.MaxAsync(c => c.Sequence, cancellationToken) ?? 0;
        if (oldest > 0 && after < oldest - 1)
        {
            throw new ChangeCursorException($"The changes after cursor {after} are older than the retention and were removed; the oldest cursor available is {oldest - 1}. Read the records in full, then follow from that cursor.", oldest - 1, newest);
        }

        if (after > newest)
        {
            throw new ChangeCursorException($"Cursor {after} is ahead of the change log, whose newest cursor is {newest}.", Math.Max(oldest - 1, 0), newest);
        }
    }

    /// <summary>
    /// Up to <paramref name="take"/> changes after <paramref name="after"/> in <paramref name="region"/>,
    /// of <paramref name="kinds"/> (all when empty), in order. The head is read first: every number up to
    /// it is committed, so when the page is not full the next cursor is the head, past the other regions'
    /// changes, and the next read does not scan them again.
    /// </summary>
    public static async Task<ChangePage> ReadAsync(IChangeFeedDbContext db, RegionCode region, long after, IReadOnlyCollection<string> kinds, int take, CancellationToken cancellationToken)
    {
        var head = await db.Changes.MaxAsync(c => c.Sequence, cancellationToken) ?? 0;
        if (head <= after)
        {
            return new ChangePage([], after, true);
        }

        var query = db.Changes.AsNoTracking().Where(c => c.Sequence > after && c.Sequence <= head);
        if (region.Level >= RegionLevel.County)
        {
            var county = region.Value[..6];
            query = query.Where(c => c.CountyCode == county);
        }

        if (region.Level != RegionLevel.County)
        {
            query = query.InRegion(c => c.RegionCode, region);
        }

        if (kinds.Count > 0)
        {
            query = query.Where(c => kinds.Contains(c.Kind));
        }

        var rows = await query.OrderBy(c => c.Sequence).Take(take).ToListAsync(cancellationToken);
        return rows.Count == take
            ? new ChangePage(rows, rows[^1].Sequence!.Value, false)
            : new ChangePage(rows, head, true);
    }
}
