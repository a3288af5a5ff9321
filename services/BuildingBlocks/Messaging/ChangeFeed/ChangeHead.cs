namespace Platform.Messaging.ChangeFeed;

/// <summary>
/// What this process knows of the change log's head, and the wake-ups around it: a commit here wakes
/// the sequencer; a sequenced batch (here, or seen by <see cref="ChangeHeadWatcher{TContext}"/> when
/// another replica holds the sequencer) wakes every stream waiting for changes after its cursor.
/// </summary>
public sealed class ChangeHead
{
    private readonly SemaphoreSlim _written = new(0, 1);
    private readonly Lock _lock = new();
    private TaskCompletionSource _advanced = NewSource();
    private long _known;
    private int _waiters;

    /// <summary>The highest sequence this process has seen.</summary>
    public long Known => Interlocked.Read(ref _known);

    /// <summary>How many streams wait for a change now: the watcher polls the database only for them.</summary>
    public int Waiters => Volatile.Read(ref _waiters);

    /// <summary>Change rows were committed in this process.</summary>
    public void Written()
    {
        try
        {
            _written.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one pass sequences them all.
        }
    }

    /// <summary>Waits for a local commit of change rows, or the timeout.</summary>
    public async Task WaitForWritesAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _written.WaitAsync(timeout, cancellationToken);

    /// <summary>The log's head is at least <paramref name="sequence"/>: wakes the streams behind it.</summary>
    public void Observe(long sequence)
    {
        TaskCompletionSource woken;
        lock (_lock)
        {
            if (sequence <= _known)
            {
                return;
            }

            Interlocked.Exchange(ref _known, sequence);
            woken = _advanced;
            _advanced = NewSource();
        }

        woken.TrySetResult();
    }

    /// <summary>Returns once the head is past <paramref name="after"/>, or when <paramref name="timeout"/> passed.</summary>
    public async Task WaitBeyondAsync(long after, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiters);
        try
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            while (Known <= after)
            {
                Task next;
                lock (_lock)
                {
                    if (_known > after)
                    {
                        return;
                    }

                    next = _advanced.Task;
                }

                try
                {
                    await next.WaitAsync(timer.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
