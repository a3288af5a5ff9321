using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging.ChangeFeed;

/// <summary>
/// Adds a change row for every followed event a SaveChanges adds to the outbox, so the change and its
/// log entry commit together whichever handler raised it; and wakes the sequencer once they committed.
/// </summary>
public sealed class ChangeLogInterceptor(ChangeHead head) : CommitInterceptor
{
    // Outbox rows already given their change: a SaveChanges that failed and is called again must not log them twice.
    private static readonly ConditionalWeakTable<OutboxMessage, ChangeRecord> Logged = new();

    // Contexts that wrote change rows not yet committed. Only their commits wake the sequencer: waking
    // on every commit woke it on its own numbering commits too, and it spun (a third of a core) for nothing.
    private static readonly ConditionalWeakTable<DbContext, object> Pending = new();

    /// <summary>
    /// For bulk writers that insert change rows themselves (outside the change tracker): the sequencer
    /// is woken when <paramref name="db"/>'s transaction commits, as for rows a SaveChanges added.
    /// </summary>
    public static void Wrote(DbContext db) => Pending.AddOrUpdate(db, db);

    protected override void Saving(DbContext context)
    {
        if (context is not IChangeFeedDbContext feed)
        {
            return;
        }

        foreach (var row in context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList())
        {
            if (!Logged.TryGetValue(row, out _) && feed.ChangeSources.ChangeFor(row) is { } change)
            {
                Logged.Add(row, change);
                feed.Changes.Add(change);
            }
        }

        if (context.ChangeTracker.Entries<ChangeRecord>().Any(e => e.State == EntityState.Added))
        {
            Wrote(context);
        }
    }

    protected override void Saved(DbContext context)
    {
        if (context.Database.CurrentTransaction is null)
        {
            Wake(context);
        }
    }

    protected override void TransactionCommitted(DbContext? context) => Wake(context);

    protected override void TransactionRolledBack(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }

    private void Wake(DbContext? context)
    {
        if (context is not null && Pending.Remove(context))
        {
            head.Written();
        }
    }
}
