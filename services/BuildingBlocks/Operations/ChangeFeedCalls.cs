using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging.ChangeFeed;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Operations;

/// <summary>
/// What every service's WatchChanges and ListChanges share: the request's region and cursor, the log
/// read in pages, the audit record of each page, and the refusal of a cursor the log no longer covers.
/// A service maps its own change rows to its messages (<c>deliver</c>).
/// </summary>
public static class ChangeFeedCalls
{
    /// <summary>Where a subscriber starts: after a cursor, or at one end of the log.</summary>
    public readonly record struct Start(long After)
    {
        public static readonly Start Oldest = new(-1);

        public static readonly Start Newest = new(-2);
    }

    public const int DefaultPageSize = 100;

    /// <summary>Changes per read while a stream replays: large enough for catching up fast, small enough to audit as one page.</summary>
    public const int StreamBatch = 500;

    /// <summary>How long a stream waits for a new change before it looks at the log again anyway.</summary>
    public static readonly TimeSpan IdleRecheck = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The region followed (the caller's own when empty; NotFound outside its scope) and where to start:
    /// after the cursor; before the oldest change kept when it is empty; after the newest with <paramref name="fromNow"/>.
    /// </summary>
    public static (RegionCode Region, Start After) ReadRequest(ServerCallContext context, string regionCode, string afterCursor, bool fromNow)
    {
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(context.GetCaller(), regionCode, violations, "region_code");
        long after = 0;
        violations.Check(afterCursor.Length == 0 || long.TryParse(afterCursor, NumberStyles.None, CultureInfo.InvariantCulture, out after), "after_cursor", "must be a cursor this feed returned");
        violations.ThrowIfAny();
        return (region, fromNow ? Start.Newest : afterCursor.Length == 0 ? Start.Oldest : new Start(after));
    }

    /// <summary>One page of changes, audited.</summary>
    public static async Task<ChangePage> ListAsync<TContext>(TContext db, ServerCallContext context, RegionCode region, Start cursor, IReadOnlyCollection<string> kinds, int pageSize)
        where TContext : DbContext, IChangeFeedDbContext, IAuditedDbContext
    {
        var after = await StartAsync(db, cursor, context.CancellationToken);
        var page = await ChangeLogReader.ReadAsync(db, region, after, kinds, pageSize <= 0 ? DefaultPageSize : pageSize, context.CancellationToken);
        await AuditAsync(db, context, region, after, page);
        Metrics(context).Delivered(page.Changes.Count);
        return page;
    }

    /// <summary>
    /// Replays every change after the cursor, then follows the live ones, until the caller leaves. It
    /// reads the log with no transaction open and writes to the caller between reads: a slow caller
    /// holds nothing a writer waits for. <paramref name="deliver"/> maps and writes a page's changes.
    /// </summary>
    public static async Task WatchAsync<TContext>(TContext db, ChangeHead head, ServerCallContext context, RegionCode region, Start cursor, IReadOnlyCollection<string> kinds, Func<IReadOnlyList<ChangeRecord>, Task> deliver)
        where TContext : DbContext, IChangeFeedDbContext, IAuditedDbContext
    {
        var ct = context.CancellationToken;
        var after = await StartAsync(db, cursor, ct);
        // Headers now, before any change: a subscriber that awaits them knows its start is fixed (from_now
        // included), so what it writes next reaches it.
        await context.WriteResponseHeadersAsync([]);
        var metrics = Metrics(context);
        metrics.StreamOpened();
        try
        {
            await FollowAsync(db, head, context, region, after, kinds, deliver, metrics);
        }
        finally
        {
            metrics.StreamClosed();
        }
    }

    private static async Task FollowAsync<TContext>(TContext db, ChangeHead head, ServerCallContext context, RegionCode region, long after, IReadOnlyCollection<string> kinds, Func<IReadOnlyList<ChangeRecord>, Task> deliver, ChangeFeedMetrics metrics)
        where TContext : DbContext, IChangeFeedDbContext, IAuditedDbContext
    {
        var ct = context.CancellationToken;
        while (!ct.IsCancellationRequested)
        {
            var page = await ChangeLogReader.ReadAsync(db, region, after, kinds, StreamBatch, ct);
            if (page.Changes.Count > 0)
            {
                await AuditAsync(db, context, region, after, page);
                await deliver(page.Changes);
                metrics.Delivered(page.Changes.Count);
            }

            after = page.NextCursor;
            if (page.CaughtUp)
            {
                try
                {
                    await head.WaitBeyondAsync(after, IdleRecheck, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private static ChangeFeedMetrics Metrics(ServerCallContext context) =>
        context.GetHttpContext().RequestServices.GetRequiredService<ChangeFeedMetrics>();

    /// <summary>The cursor text of a change.</summary>
    public static string Cursor(ChangeRecord change) => change.Sequence!.Value.ToString(CultureInfo.InvariantCulture);

    public static string Cursor(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where reading starts: after the cursor, checked against the log; without one, before the oldest change kept.</summary>
    private static async Task<long> StartAsync(IChangeFeedDbContext db, Start cursor, CancellationToken ct)
    {
        if (cursor == Start.Oldest)
        {
            return await ChangeLogReader.OldestCursorAsync(db, ct);
        }

        if (cursor == Start.Newest)
        {
            return await ChangeLogReader.NewestCursorAsync(db, ct);
        }

        var after = cursor.After;

        try
        {
            await ChangeLogReader.CheckCursorAsync(db, after, ct);
            return after;
        }
        catch (ChangeCursorException refused)
        {
            // The oldest cursor travels as data too, so a subscriber's program can restart from it.
            throw new Google.Rpc.Status
            {
                Code = (int)Code.FailedPrecondition,
                Message = refused.Message,
                Details =
                {
                    Google.Protobuf.WellKnownTypes.Any.Pack(new ErrorInfo
                    {
                        Reason = after < refused.Oldest ? "CURSOR_EXPIRED" : "CURSOR_AHEAD",
                        Domain = "pa.platform",
                        Metadata = { ["oldest_cursor"] = Cursor(refused.Oldest), ["newest_cursor"] = Cursor(refused.Newest) },
                    }),
                },
            }.ToRpcException();
        }
    }

    /// <summary>One audit record per page read: who, which region and range, with the caller's purpose.</summary>
    private static async Task AuditAsync<TContext>(TContext db, ServerCallContext context, RegionCode region, long after, ChangePage page)
        where TContext : DbContext, IAuditedDbContext
    {
        db.Audit(context, "changes.read", "change-feed", $"{region.Value}:{after}-{page.NextCursor}:{page.Changes.Count}");
        await db.SaveChangesAsync(context.CancellationToken);
        db.ChangeTracker.Clear();
    }
}
