using System.Diagnostics;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;
using Platform.Security;

namespace Platform.Messaging;

/// <summary>An outbox row that failed or was parked, as an operator sees it (never its body).</summary>
public sealed record ProblemRow(
    long Id, Guid MessageId, string MessageType, string AggregateKey, int Attempts, string? LastError,
    DateTime CreatedAt, DateTime? NextAttemptAt, DateTime? ParkedAt, bool Unpublishable);

/// <summary>A page of problem rows, oldest first, and how many there are in all.</summary>
public sealed record ProblemRows(IReadOnlyList<ProblemRow> Rows, int Total);

/// <summary>The rows an operation applies to: the listed ids, or every row it can apply to.</summary>
public sealed record OutboxRowSelection(IReadOnlyCollection<long>? Ids)
{
    public static readonly OutboxRowSelection All = new((IReadOnlyCollection<long>?)null);

    public static OutboxRowSelection Of(IEnumerable<long> ids) => new(ids.Distinct().ToArray());
}

/// <summary>What an operator can do with the outbox of a service: see its problem rows, retry or park them.</summary>
public interface IOutboxOperations
{
    /// <summary>Rows with failed attempts or parked, oldest first, after <paramref name="afterId"/>; audited.</summary>
    Task<ProblemRows> ListProblemRowsAsync(int limit, long? afterId, Caller actor, string purpose, CancellationToken cancellationToken);

    /// <summary>
    /// Makes problem rows due now with a fresh count of attempts (all of them, or the listed ones
    /// that are problem rows), unparking them. A retried parked row is published after later events
    /// of its aggregate that went while it was parked. Returns how many; each is audited.
    /// </summary>
    Task<int> RetryAsync(OutboxRowSelection rows, Caller actor, string purpose, CancellationToken cancellationToken);

    /// <summary>
    /// Parks rows (the listed ones, or every unpublishable one): the relay leaves them alone and later
    /// events of their aggregates flow again. Returns how many; each is audited.
    /// </summary>
    Task<int> ParkAsync(OutboxRowSelection rows, Caller actor, string purpose, CancellationToken cancellationToken);
}

public sealed class OutboxOperations<TContext>(TContext db, OutboxSignal signal, TimeProvider time) : IOutboxOperations
    where TContext : DbContext, IMessagingDbContext, IAuditedDbContext
{
    public const string EntityType = nameof(OutboxMessage);

    private const int ChunkSize = 500;

    /// <summary>Every failure sets a next attempt, and only a retry clears it again.</summary>
    private static readonly Expression<Func<OutboxMessage, bool>> IsProblem = m => m.NextAttemptAt != null || m.ParkedAt != null;

    public async Task<ProblemRows> ListProblemRowsAsync(int limit, long? afterId, Caller actor, string purpose, CancellationToken cancellationToken)
    {
        var after = afterId ?? 0;
        var rows = await db.OutboxMessages.AsNoTracking().Where(IsProblem).Where(m => m.Id > after).OrderBy(m => m.Id).Take(limit)
            .Select(m => new ProblemRow(m.Id, m.MessageId, m.MessageType, m.AggregateKey, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.ParkedAt, m.Unpublishable))
            .ToListAsync(cancellationToken);
        var total = await db.OutboxMessages.CountAsync(IsProblem, cancellationToken);
        db.Record(actor, "outbox.list-problems", EntityType, "problem-rows", purpose, Now, TraceId);
        await db.SaveChangesAsync(cancellationToken);
        return new ProblemRows(rows, total);
    }

    public async Task<int> RetryAsync(OutboxRowSelection rows, Caller actor, string purpose, CancellationToken cancellationToken)
    {
        var retried = await ApplyAsync(rows, IsProblem, (row, _) =>
        {
            row.ParkedAt = null;
            row.NextAttemptAt = null;
            row.Attempts = 0;
            // Judged again at the next attempt: the type may be loaded by now.
            row.Unpublishable = false;
        }, "outbox.retry", actor, purpose, cancellationToken);
        if (retried > 0)
        {
            signal.Notify();
        }

        return retried;
    }

    public Task<int> ParkAsync(OutboxRowSelection rows, Caller actor, string purpose, CancellationToken cancellationToken) =>
        ApplyAsync(
            rows,
            rows.Ids is null ? m => m.Unpublishable && m.ParkedAt == null : m => m.ParkedAt == null,
            (row, now) => row.ParkedAt = now,
            "outbox.park",
            actor,
            purpose,
            cancellationToken);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string? TraceId => Activity.Current?.TraceId.ToString();

    /// <summary>
    /// Changes the selected rows chunk by chunk, each chunk saved with an audit record per row. The
    /// relay may publish and delete a loaded row before the chunk saves; the chunk is then read again.
    /// </summary>
    private async Task<int> ApplyAsync(
        OutboxRowSelection selection, Expression<Func<OutboxMessage, bool>> applies, Action<OutboxMessage, DateTime> change,
        string action, Caller actor, string purpose, CancellationToken cancellationToken)
    {
        var ids = selection.Ids?.ToArray();
        var total = 0;
        var after = 0L;
        while (true)
        {
            var query = db.OutboxMessages.Where(applies).Where(m => m.Id > after);
            if (ids is not null)
            {
                query = query.Where(m => ids.Contains(m.Id));
            }

            var rows = await query.OrderBy(m => m.Id).Take(ChunkSize).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return total;
            }

            var now = Now;
            foreach (var row in rows)
            {
                change(row, now);
                db.Record(actor, action, EntityType, row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), purpose, now, TraceId);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            db.ChangeTracker.Clear();
            total += rows.Count;
            after = rows[^1].Id;
        }
    }
}
