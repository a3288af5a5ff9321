using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Platform.Persistence;
using Platform.Security;

namespace Platform.Messaging;

/// <summary>What an operator can do with the service's error queues: see their depths, and re-drive them once the cause is fixed.</summary>
public interface IErrorQueueOperations
{
    /// <summary>Messages in each consumer queue's error queue; audited.</summary>
    Task<IReadOnlyDictionary<string, long>> DepthsAsync(Caller actor, string purpose, CancellationToken cancellationToken);

    /// <summary>
    /// Moves every error queue's messages back to their queues; each moved message is audited. The
    /// consumers' inbox keeps the effect exactly-once: a message that was applied before it landed
    /// in the error queue (or that is re-driven twice) changes nothing the second time.
    /// </summary>
    Task<IReadOnlyList<RedrivenMessage>> RedriveAsync(Caller actor, string purpose, CancellationToken cancellationToken);
}

public sealed class ErrorQueueOperations<TContext>(TContext db, ErrorQueues errorQueues, ConsumerQueues queues, MessagingMetrics metrics, TimeProvider time)
    : IErrorQueueOperations
    where TContext : DbContext, IAuditedDbContext
{
    public const string EntityType = "ErrorQueueMessage";

    public async Task<IReadOnlyDictionary<string, long>> DepthsAsync(Caller actor, string purpose, CancellationToken cancellationToken)
    {
        var depths = await errorQueues.DepthsAsync(cancellationToken);
        db.Record(actor, "error-queue.list", EntityType, "error-queues", purpose, Now, TraceId);
        await db.SaveChangesAsync(cancellationToken);
        return depths;
    }

    public async Task<IReadOnlyList<RedrivenMessage>> RedriveAsync(Caller actor, string purpose, CancellationToken cancellationToken)
    {
        var moved = new List<RedrivenMessage>();
        foreach (var queue in queues.Names)
        {
            var batch = await errorQueues.MoveBackAsync(queue, cancellationToken);
            // Saved after each queue's move, even if the caller gave up meanwhile: the messages have moved.
            foreach (var message in batch)
            {
                db.Record(actor, "error-queue.redrive", EntityType, $"{message.Queue}/{message.MessageId}", purpose, Now, TraceId);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            metrics.Redriven(queue, batch.Count);
            moved.AddRange(batch);
        }

        return moved;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string? TraceId => Activity.Current?.TraceId.ToString();
}
