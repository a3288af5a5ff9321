using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Benchmarks.Outbox;

/// <summary>Database time the relay spent, split by the statements one relay pass issues.</summary>
public readonly record struct RelayDbTime(TimeSpan Backlog, TimeSpan Fetch, TimeSpan Delete)
{
    public TimeSpan Total => Backlog + Fetch + Delete;
}

/// <summary>
/// Registered as an <see cref="IInterceptor"/>, so the benchmark context picks it up like the
/// outbox commit interceptor. A pass runs its statements one after another, never during the
/// publishes, so relay wall time minus this is the publish side (deserialize, publish, confirm).
/// Queries are timed from execution until their reader is disposed, which includes materialising rows.
/// </summary>
public sealed class RelayDbTimer : DbCommandInterceptor
{
    private long _backlog;
    private long _fetch;
    private long _delete;

    public void Reset()
    {
        Interlocked.Exchange(ref _backlog, 0);
        Interlocked.Exchange(ref _fetch, 0);
        Interlocked.Exchange(ref _delete, 0);
    }

    public RelayDbTime Snapshot() => new(Ticks(ref _backlog), Ticks(ref _fetch), Ticks(ref _delete));

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Add(command, eventData.Duration);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Add(command, eventData.Duration);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    private static TimeSpan Ticks(ref long field) => TimeSpan.FromTicks(Interlocked.Read(ref field));

    private void Add(DbCommand command, TimeSpan duration)
    {
        var text = command.CommandText;
        if (!text.Contains("\"OutboxMessages\"", StringComparison.Ordinal))
        {
            return;
        }

        if (text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Add(ref _delete, duration.Ticks);
        }
        else if (text.Contains("\"Body\"", StringComparison.Ordinal))
        {
            Interlocked.Add(ref _fetch, duration.Ticks);
        }
        else if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            // The backlog gauge: COUNT(*) and the oldest row's CreatedAt.
            Interlocked.Add(ref _backlog, duration.Ticks);
        }
    }
}
