using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Messaging;

namespace Platform.HouseholdReplica;

/// <summary>
/// Base of a service's consumers of the registry's events: apply the event to the replica with the
/// service's writer, then let the service act on the change (<see cref="AppliedAsync"/>); the inbox saves
/// effect, inbox row and any events together. A service's consumers stay named classes of its own: the
/// queue and the inbox rows are named after them.
/// </summary>
public abstract class HouseholdReplicaConsumer<TMessage, TContext, THousehold, TMember>(TContext db, TimeProvider time, MessagingMetrics metrics, ILogger logger)
    : InboxConsumer<TMessage, TContext>(db, time, metrics, logger)
    where TMessage : class
    where TContext : DbContext, IMessagingDbContext
    where THousehold : ReplicaHousehold<TMember>
    where TMember : ReplicaMember
{
    protected override async Task HandleAsync(TMessage message, ConsumeContext<TMessage> context)
    {
        var ct = context.CancellationToken;
        var household = await NewWriter().ApplyAsync(message, ct);
        await AppliedAsync(household, message, ct);
    }

    /// <summary>The service's writer on <see cref="InboxConsumer{TMessage,TContext}.Db"/>.</summary>
    protected abstract HouseholdReplicaWriter<THousehold, TMember> NewWriter();

    /// <summary>What the service does once an event was applied (e.g. reassess the household), in the same transaction.</summary>
    protected virtual Task AppliedAsync(THousehold household, TMessage message, CancellationToken ct) => Task.CompletedTask;
}
