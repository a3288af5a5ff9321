using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>
/// Publishes committed outbox rows to the broker and deletes each row only after the broker
/// confirmed it. Woken on commit, it also sweeps on an interval. A failed row waits with
/// exponential back-off, and so do the later rows of its aggregate, which keeps per-aggregate
/// order; no row is ever dropped.
/// <para>
/// Replicas: one relay publishes at a time per service database. Every pass first acquires or
/// renews the database lease <see cref="DatabaseLease.OutboxRelay"/>; a replica that does not hold
/// it publishes nothing, stands by and tries again after a sweep interval, so a holder that died is
/// replaced within <see cref="OutboxOptions.LeaseTtl"/>. A pass starts no publish later than
/// <see cref="OutboxOptions.PublishTimeout"/> before its lease ends, so every publish of a holder is
/// over before another replica can take the lease: two relays never publish at once.
/// </para>
/// <para>
/// Why one relay rather than rows claimed by each replica: claiming rows would let two replicas
/// publish two events of one aggregate at once, and keeping their order would then need claims per
/// aggregate and row locks whose SQL differs per provider (SKIP LOCKED, READPAST, none in SQLite).
/// A lease is one conditional UPDATE through EF on every provider, and the order per aggregate
/// stays what it is in one process. The price: publishing does not grow with replicas (one relay
/// with <see cref="OutboxOptions.MaxConcurrentPublishes"/> in flight is what the outbox benchmark
/// measures), and rows committed in a standing-by replica wait for the holder's next sweep, since
/// a commit wakes only the relay of its own process.
/// </para>
/// </summary>
public sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    MessagingMetrics metrics,
    ReplicaIdentity replica,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext, IMessagingDbContext
{
    internal static readonly ActivitySource Source = new(MessagingMetrics.MeterName);
    private static readonly ConcurrentDictionary<string, Type?> Types = new();
    private readonly OutboxOptions _options = options.Value;
    private bool _holding;
    private long? _measuredAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RelayUntilStoppedAsync(stoppingToken);
        }
        finally
        {
            await ReleaseLeaseAsync();
        }
    }

    private async Task RelayUntilStoppedAsync(CancellationToken stoppingToken)
    {
        var consecutiveFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            RelayResult result;
            try
            {
                result = await RelayBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRelayFailed(ex);
                result = new RelayResult(0, 0, Failed: true);
            }

            if (result.Failed)
            {
                // The broker is most likely unreachable: back off as a whole instead of hammering it.
                // A back-off longer than the lease lets a replica that reaches the broker take over.
                consecutiveFailures++;
                await signal.WaitAsync(_options.Backoff(consecutiveFailures), stoppingToken);
                continue;
            }

            consecutiveFailures = 0;
            if (result.StandingBy)
            {
                // Commits here do not wake a standing-by relay: only the holder publishes.
                await Task.Delay(_options.SweepInterval, stoppingToken);
            }
            else if (result.Fetched < _options.BatchSize && !result.CutShort)
            {
                await signal.WaitAsync(_options.SweepInterval, stoppingToken);
            }
        }
    }

    /// <summary>
    /// One pass: renews the lease, then publishes one batch of due rows, or nothing when another
    /// replica holds the lease. Public so tests and benchmarks can drive the relay directly.
    /// </summary>
    public async Task<RelayResult> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = time.GetUtcNow().UtcDateTime;
        if (!await HoldLeaseAsync(db, now, cancellationToken))
        {
            return new RelayResult(0, 0, Failed: false) { StandingBy = true };
        }

        // Later than this, a publish might still be under way when the lease ends and another replica starts.
        var publishUntil = now + _options.LeaseTtl - _options.PublishTimeout;
        await ObserveFiguresAsync(db, now, cancellationToken);
        var blocked = db.OutboxMessages.Where(m => m.NextAttemptAt > now && m.ParkedAt == null).Select(m => m.AggregateKey);
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ParkedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now) && !blocked.Contains(m.AggregateKey))
            .OrderBy(m => m.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new RelayResult(0, 0, Failed: false);
        }

        var sent = new ConcurrentBag<long>();
        var failed = new ConcurrentBag<(OutboxMessage Row, Exception Error)>();
        var cutShort = false;
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentPublishes, CancellationToken = abandon.Token };
        try
        {
            await Parallel.ForEachAsync(rows.GroupBy(r => r.AggregateKey), parallel, async (aggregate, ct) =>
            {
                foreach (var row in aggregate)
                {
                    if (time.GetUtcNow().UtcDateTime >= publishUntil)
                    {
                        // The rest waits for the next pass, which renews the lease first.
                        cutShort = true;
                        return;
                    }

                    try
                    {
                        await PublishAsync(row, ct);
                        sent.Add(row.Id);
                    }
                    catch (Exception ex)
                    {
                        if (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                        {
                            failed.Add((row, ex));
                        }

                        if (ex is not UnpublishableRowException)
                        {
                            // A transport failure usually means the broker is gone: stop the batch, keep the rest for later.
                            await abandon.CancelAsync();
                        }

                        // Later rows of this aggregate wait for this one, to keep the aggregate's order.
                        return;
                    }
                }
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Abandoned after a failure; the rows not yet published stay in the outbox.
        }
        finally
        {
            // Confirmed rows go even when the pass is cut short (shutdown), so a restart does not re-publish them.
            await DeleteSentAsync(db, sent);
        }

        foreach (var (row, error) in failed)
        {
            await RecordFailureAsync(db, row, error, now);
        }

        return new RelayResult(rows.Count, sent.Count, Failed: failed.Any(f => f.Error is not UnpublishableRowException)) { CutShort = cutShort };
    }

    private async Task<bool> HoldLeaseAsync(TContext db, DateTime now, CancellationToken cancellationToken)
    {
        var holding = await DatabaseLease.TryAcquireAsync(db, DatabaseLease.OutboxRelay, replica.Id, _options.LeaseTtl, now, cancellationToken);
        if (holding != _holding)
        {
            _holding = holding;
            if (holding)
            {
                LogRelaying(replica.Id);
            }
            else
            {
                LogStandingBy(replica.Id);
            }
        }

        if (!holding)
        {
            metrics.StandBy();
            _measuredAt = null;
        }

        return holding;
    }

    private async Task ReleaseLeaseAsync()
    {
        if (!_holding)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await DatabaseLease.ReleaseAsync(scope.ServiceProvider.GetRequiredService<TContext>(), DatabaseLease.OutboxRelay, replica.Id, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The lease then simply runs out; a standing-by replica takes over after the TTL.
            LogReleaseFailed(ex);
        }
    }

    private async Task ObserveFiguresAsync(TContext db, DateTime now, CancellationToken cancellationToken)
    {
        // Passes run many times a second under load; the gauges need a figure every few seconds.
        if (_measuredAt is { } last && time.GetElapsedTime(last) < _options.MetricsInterval)
        {
            return;
        }

        metrics.ObserveOutbox(await OutboxFigures.MeasureAsync(db, now, cancellationToken));
        _measuredAt = time.GetTimestamp();
    }

    private async Task DeleteSentAsync(TContext db, ConcurrentBag<long> sent)
    {
        if (sent.IsEmpty)
        {
            return;
        }

        var ids = sent.ToArray();
        foreach (var chunk in ids.Chunk(500))
        {
            await db.OutboxMessages.Where(m => chunk.Contains(m.Id)).ExecuteDeleteAsync(CancellationToken.None);
        }

        metrics.Published(ids.Length);
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var message = Deserialize(row, out var type);

        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = Source.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);
        activity?.SetTag("messaging.message.type", type.Name);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(message, type, ctx =>
        {
            ctx.MessageId = row.MessageId;
            ctx.Headers.Set(OrderedDelivery.AggregateKeyHeader, row.AggregateKey);
        }, timeout.Token);
    }

    /// <summary>Reads the row's event; a row this service cannot read fails alone, without stopping the batch.</summary>
    private static object Deserialize(OutboxMessage row, out Type type)
    {
        type = Types.GetOrAdd(row.MessageType, static name => Type.GetType(name, throwOnError: false))
            ?? throw new UnpublishableRowException($"Event type '{row.MessageType}' is not loaded in this service.");
        try
        {
            return JsonSerializer.Deserialize(row.Body, type, Outbox.Json)
                ?? throw new UnpublishableRowException($"Outbox row {row.Id} has an empty body.");
        }
        catch (JsonException ex)
        {
            throw new UnpublishableRowException($"Outbox row {row.Id} is not valid JSON for {type.Name}: {ex.Message}");
        }
    }

    private async Task RecordFailureAsync(TContext db, OutboxMessage row, Exception error, DateTime now)
    {
        metrics.PublishFailed();
        var attempts = row.Attempts + 1;
        var next = now + _options.Backoff(attempts);
        var reason = Truncate($"{error.GetType().Name}: {error.Message}", 2000);
        LogPublishFailed(row.Id, row.MessageType, attempts, next, error);
        var unpublishable = error is UnpublishableRowException;
        await db.OutboxMessages.Where(m => m.Id == row.Id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.Unpublishable, unpublishable),
            CancellationToken.None);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {RowId} ({MessageType}) failed to publish (attempt {Attempts}); next attempt at {NextAttempt:o}")]
    private partial void LogPublishFailed(long rowId, string messageType, int attempts, DateTime nextAttempt, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed")]
    private partial void LogRelayFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "This replica ({Replica}) holds the outbox lease and relays the outbox")]
    private partial void LogRelaying(string replica);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another replica relays the outbox; this one ({Replica}) stands by")]
    private partial void LogStandingBy(string replica);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox lease could not be released at shutdown; it runs out by itself")]
    private partial void LogReleaseFailed(Exception error);
}

/// <summary>A row that can never be published as it is; it stays in the outbox with its reason for an operator.</summary>
public sealed class UnpublishableRowException(string message) : Exception(message);

/// <summary>What one relay pass did: rows fetched, rows published, and whether a publish failed.</summary>
public readonly record struct RelayResult(int Fetched, int Published, bool Failed)
{
    /// <summary>Another replica holds the outbox lease; this pass published nothing.</summary>
    public bool StandingBy { get; init; }

    /// <summary>The pass stopped publishing before its lease would end; the rest of the batch is due at once.</summary>
    public bool CutShort { get; init; }
}
