using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging;

/// <summary>
/// Wakes the relay when new outbox rows are committed, so events leave without waiting for a sweep.
/// A commit in this process also tells the other replicas (see <see cref="PostgresOutboxWakeup{TContext}"/>),
/// whose relay may be the one holding the lease; a wake-up from another replica wakes only this relay.
/// </summary>
public sealed class OutboxSignal
{
    private static readonly BoundedChannelOptions OneWaiting = new(1) { FullMode = BoundedChannelFullMode.DropWrite };
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(OneWaiting);
    private readonly Channel<bool> _committed = Channel.CreateBounded<bool>(OneWaiting);

    /// <summary>Rows were committed in this process.</summary>
    public void Notify()
    {
        _channel.Writer.TryWrite(true);
        _committed.Writer.TryWrite(true);
    }

    /// <summary>Another replica committed rows: wake this relay, tell no one else (that would echo for ever).</summary>
    public void WakeFromPeer() => _channel.Writer.TryWrite(true);

    /// <summary>Waits until rows were committed in this process since the last call (many commits, one answer).</summary>
    public ValueTask<bool> WaitForLocalCommitAsync(CancellationToken cancellationToken) => _committed.Reader.ReadAsync(cancellationToken);

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The sweep interval passed without a signal.
        }
    }
}

/// <summary>
/// Notifies the relay after a SaveChanges that added outbox rows, or after an explicit transaction
/// commits (rows saved inside a transaction are invisible to the relay until then).
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : CommitInterceptor
{
    // Contexts whose current SaveChanges adds outbox rows; weak, so a context never outlives its scope here.
    private static readonly ConditionalWeakTable<DbContext, object> Pending = new();
    private static readonly object PendingKey = new();

    protected override void Saving(DbContext context)
    {
        if (context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            Pending.AddOrUpdate(context, PendingKey);
        }
    }

    protected override void Saved(DbContext context)
    {
        if (Pending.Remove(context) && context.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
    }

    // Every commit: bulk writers insert outbox rows without the change tracker, inside a transaction.
    protected override void TransactionCommitted(DbContext? context) => signal.Notify();
}
