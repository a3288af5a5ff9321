using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging;

/// <summary>
/// Base for every consumer whose effect lives in the service database. The message id and
/// consumer name are recorded in the same SaveChanges as the effect, so a redelivered message
/// (broker redelivery, or a relay re-publish after a crash) changes nothing the second time.
/// </summary>
public abstract partial class InboxConsumer<TMessage, TContext>(TContext db, TimeProvider time, MessagingMetrics metrics, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext, IMessagingDbContext
{
    protected TContext Db => db;

    protected TimeProvider Time => time;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var consumer = GetType().FullName ?? GetType().Name;
        var messageId = context.MessageId ?? throw new InvalidOperationException("Messages without a MessageId cannot be de-duplicated.");
        if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken))
        {
            Duplicate(messageId, consumer);
            return;
        }

        try
        {
            await HandleAsync(context.Message, context);
            db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (Exception ex)
        {
            if (ex is DbUpdateException && await AlreadyProcessedAsync(messageId, consumer))
            {
                // A concurrent delivery of the same message won the race; its effect stands.
                Duplicate(messageId, consumer);
                return;
            }

            metrics.ConsumerFailed(consumer);
            throw;
        }
    }

    /// <summary>Applies the message to <see cref="Db"/> without saving; the base saves effect and inbox row together.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);

    private async Task<bool> AlreadyProcessedAsync(Guid messageId, string consumer)
    {
        db.ChangeTracker.Clear();
        return await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer);
    }

    private void Duplicate(Guid messageId, string consumer)
    {
        metrics.DuplicateIgnored(consumer);
        LogDuplicate(logger, messageId, consumer);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} was already applied by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string consumer);
}
