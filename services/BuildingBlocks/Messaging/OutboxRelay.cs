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
/// </summary>
public sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    MessagingMetrics metrics,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext, IMessagingDbContext
{
    internal static readonly ActivitySource Source = new(MessagingMetrics.MeterName);
    private static readonly ConcurrentDictionary<string, Type?> Types = new();
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
                consecutiveFailures++;
                await signal.WaitAsync(_options.Backoff(consecutiveFailures), stoppingToken);
                continue;
            }

            consecutiveFailures = 0;
            if (result.Fetched < _options.BatchSize)
            {
                await signal.WaitAsync(_options.SweepInterval, stoppingToken);
            }
        }
    }

    /// <summary>Publishes one batch of due rows. Public so tests and benchmarks can drive the relay directly.</summary>
    public async Task<RelayResult> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = time.GetUtcNow().UtcDateTime;

        await ObserveBacklogAsync(db, now, cancellationToken);
        var blocked = db.OutboxMessages.Where(m => m.NextAttemptAt > now).Select(m => m.AggregateKey);
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => (m.NextAttemptAt == null || m.NextAttemptAt <= now) && !blocked.Contains(m.AggregateKey))
            .OrderBy(m => m.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new RelayResult(0, 0, Failed: false);
        }

        var sent = new ConcurrentBag<long>();
        var failed = new ConcurrentBag<(OutboxMessage Row, Exception Error)>();
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentPublishes, CancellationToken = abandon.Token };
        try
        {
            await Parallel.ForEachAsync(rows.GroupBy(r => r.AggregateKey), parallel, async (aggregate, ct) =>
            {
                foreach (var row in aggregate)
                {
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

        return new RelayResult(rows.Count, sent.Count, Failed: failed.Any(f => f.Error is not UnpublishableRowException));
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
        await bus.Publish(message, type, ctx => ctx.MessageId = row.MessageId, timeout.Token);
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
        await db.OutboxMessages.Where(m => m.Id == row.Id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, reason),
            CancellationToken.None);
    }

    private async Task ObserveBacklogAsync(TContext db, DateTime now, CancellationToken cancellationToken)
    {
        var backlog = await db.OutboxMessages.LongCountAsync(cancellationToken);
        var oldest = backlog == 0
            ? now
            : await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.CreatedAt).FirstAsync(cancellationToken);
        metrics.ObserveBacklog(backlog, now - oldest);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {RowId} ({MessageType}) failed to publish (attempt {Attempts}); next attempt at {NextAttempt:o}")]
    private partial void LogPublishFailed(long rowId, string messageType, int attempts, DateTime nextAttempt, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed")]
    private partial void LogRelayFailed(Exception error);
}

/// <summary>A row that can never be published as it is; it stays in the outbox with its reason for an operator.</summary>
public sealed class UnpublishableRowException(string message) : Exception(message);

/// <summary>What one relay pass did: rows fetched, rows published, and whether a publish failed.</summary>
public readonly record struct RelayResult(int Fetched, int Published, bool Failed);
