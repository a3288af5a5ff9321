using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Messaging.ChangeFeed;

/// <summary>
/// Adds a change row for every followed event a SaveChanges adds to the outbox, so the change and its
/// log entry commit together whichever handler raised it; and wakes the sequencer once they committed.
/// </summary>
public sealed class ChangeLogInterceptor(ChangeHead head) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Outbox rows already given their change: a SaveChanges that failed and is called again must not log them twice.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OutboxMessage, ChangeRecord> Logged = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddChanges(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddChanges(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => head.Written();

    Task IDbTransactionInterceptor.TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        head.Written();
        return Task.CompletedTask;
    }

    private static void AddChanges(DbContext? context)
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
    }

    private void WakeIfCommitted(DbContext? context)
    {
        if (context is IChangeFeedDbContext && context.Database.CurrentTransaction is null)
        {
            head.Written();
        }
    }
}
