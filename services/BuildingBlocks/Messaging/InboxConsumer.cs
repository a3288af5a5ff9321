using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging;

/// <summary>
/// Base for every consumer whose effect lives in the service database. The message id and
/// consumer name are recorded with the effect, so a redelivered message (broker redelivery, or a
/// relay re-publish after a crash) changes nothing the second time.
/// <para>
/// Messages come in batches (<see cref="InboxConsumerDefinition{TConsumer}"/>), in the queue's
/// order, and one batch is applied in one transaction: one inbox look-up and one commit for many
/// events, which is what lets a consumer keep up with a stream. Each message is still saved on its
/// own inside that transaction, so a message sees what the ones before it wrote. If the batch
/// fails, each message is applied again in a transaction of its own, in order: the good ones
/// commit, and the batch fails (and is retried, then sent to the error queue) only for the ones
/// that cannot be applied. Their retry finds the good ones in the inbox and skips them.
/// </para>
/// </summary>
public abstract partial class InboxConsumer<TMessage, TContext>(TContext db, TimeProvider time, MessagingMetrics metrics, ILogger logger) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TContext : DbContext, IMessagingDbContext
{
    protected TContext Db => db;

    protected TimeProvider Time => time;

    private string ConsumerName => GetType().FullName ?? GetType().Name;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var messages = context.Message.Select(m => (Context: m, Id: m.MessageId ?? throw new InvalidOperationException("Messages without a MessageId cannot be de-duplicated."))).ToList();
        if (messages.Count == 1)
        {
            await ApplyOneByOneAsync(messages, context.CancellationToken);
            return;
        }

        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => ApplyTogetherAsync(messages, ct), context.CancellationToken);
        }
        catch (Exception ex) when (!context.CancellationToken.IsCancellationRequested)
        {
            LogBatchFailed(logger, ex, messages.Count, ConsumerName);
            db.ChangeTracker.Clear();
            await ApplyOneByOneAsync(messages, context.CancellationToken);
        }
    }

    /// <summary>Applies the message to <see cref="Db"/> without saving; the base saves effect and inbox row together.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);

    /// <summary>
    /// Work done once for all the messages of a batch after each was handled, in the same transaction
    /// (e.g. reassessing every household the batch touched with one set of queries instead of one per message).
    /// </summary>
    protected virtual Task AfterBatchAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Called before each attempt at a batch (or at one message of a failed batch): forget what an earlier attempt gathered.</summary>
    protected virtual void BeginBatch()
    {
    }

    private async Task ApplyTogetherAsync(IReadOnlyList<(ConsumeContext<TMessage> Context, Guid Id)> messages, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        BeginBatch();
        var consumer = ConsumerName;
        var ids = messages.Select(m => m.Id).ToList();
        var applied = (await db.InboxMessages.Where(m => m.Consumer == consumer && ids.Contains(m.MessageId)).Select(m => m.MessageId).ToListAsync(ct)).ToHashSet();
        var fresh = new List<Guid>(messages.Count);
        await using var transaction = messages.Count > 1 ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var (message, id) in messages)
        {
            if (!applied.Add(id))
            {
                Duplicate(id, consumer);
                continue;
            }

            await HandleAsync(message.Message, message);
            fresh.Add(id);
            if (transaction is not null)
            {
                await db.SaveChangesAsync(ct);
            }
        }

        await AfterBatchAsync(ct);

        // The inbox rows go last, just before the commit: ProcessedAt is when the effects became visible.
        var now = time.GetUtcNow().UtcDateTime;
        db.InboxMessages.AddRange(fresh.Select(id => new InboxMessage { MessageId = id, Consumer = consumer, ProcessedAt = now }));
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        metrics.BatchApplied(consumer, fresh.Count);
    }

    private async Task ApplyOneByOneAsync(IReadOnlyList<(ConsumeContext<TMessage> Context, Guid Id)> messages, CancellationToken ct)
    {
        var failures = new List<Exception>();
        foreach (var message in messages)
        {
            try
            {
                await db.Database.CreateExecutionStrategy().ExecuteAsync(token => ApplyTogetherAsync([message], token), ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                db.ChangeTracker.Clear();
                if (ex is DbUpdateException && await AlreadyProcessedAsync(message.Id, ConsumerName))
                {
                    // A concurrent delivery of the same message won the race; its effect stands.
                    Duplicate(message.Id, ConsumerName);
                    continue;
                }

                // Later messages still apply: consumers ignore an event older than what they hold, so the
                // failed one, retried or re-driven later, cannot undo a newer one applied meanwhile.
                metrics.ConsumerFailed(ConsumerName);
                failures.Add(ex);
            }
        }

        if (failures.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failures[0]);
        }

        if (failures.Count > 1)
        {
            throw new AggregateException($"{failures.Count} of {messages.Count} messages could not be applied by {ConsumerName}", failures);
        }
    }

    private async Task<bool> AlreadyProcessedAsync(Guid messageId, string consumer) =>
        await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer);

    private void Duplicate(Guid messageId, string consumer)
    {
        metrics.DuplicateIgnored(consumer);
        LogDuplicate(logger, messageId, consumer);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} was already applied by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} messages failed in {Consumer}; applying them one at a time")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count, string consumer);
}
