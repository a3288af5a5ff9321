using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Messaging;

/// <summary>
/// The four moments a commit-watching interceptor acts on, each once for EF's sync and async paths:
/// before a SaveChanges, after it, after an explicit transaction commits, and after one rolls back.
/// </summary>
public abstract class CommitInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Before a SaveChanges writes: the moment to look at (or add to) what it will save.</summary>
    protected abstract void Saving(DbContext context);

    /// <summary>After a SaveChanges wrote; inside a transaction nothing is committed yet.</summary>
    protected abstract void Saved(DbContext context);

    /// <summary>After an explicit transaction of the context committed.</summary>
    protected abstract void TransactionCommitted(DbContext? context);

    /// <summary>After an explicit transaction of the context rolled back.</summary>
    protected virtual void TransactionRolledBack(DbContext? context)
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Saving(context);
        }

        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavingChanges(eventData, result));

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context)
        {
            Saved(context);
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => TransactionCommitted(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        TransactionCommitted(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => TransactionRolledBack(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        TransactionRolledBack(eventData.Context);
        return Task.CompletedTask;
    }
}
