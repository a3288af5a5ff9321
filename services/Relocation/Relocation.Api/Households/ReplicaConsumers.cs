using MassTransit;
using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Contracts;
using Platform.Messaging;
using Platform.Relocation.Data;
using Platform.Relocation.FollowUp;

namespace Platform.Relocation.Households;

/// <summary>
/// Base of the consumers of other services' events: apply to the replica, then bring the family's
/// follow-up up to date; the inbox saves effect, events and message id together.
/// </summary>
public abstract class RelocationConsumer<TMessage>(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger logger)
    : InboxConsumer<TMessage, RelocationDbContext>(db, time, metrics, logger)
    where TMessage : class
{
    protected override async Task HandleAsync(TMessage message, ConsumeContext<TMessage> context)
    {
        var ct = context.CancellationToken;
        if (await ApplyAsync(new ReplicaWriter(Db), message, ct) is { } householdId)
        {
            await followUp.ReconcileAsync(householdId, Time.GetUtcNow().UtcDateTime, ct);
        }
    }

    /// <summary>Applies the message; returns the household whose follow-up it may change, or null.</summary>
    protected abstract Task<Guid?> ApplyAsync(ReplicaWriter writer, TMessage message, CancellationToken ct);
}

public sealed class HouseholdRegisteredConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdRegisteredConsumer> logger)
    : RelocationConsumer<HouseholdRegistered>(db, followUp, time, metrics, logger)
{
    protected override async Task<Guid?> ApplyAsync(ReplicaWriter writer, HouseholdRegistered message, CancellationToken ct)
    {
        await writer.RegisteredAsync(message, ct);
        return message.HouseholdId;
    }
}

public sealed class HouseholdMembersChangedConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdMembersChangedConsumer> logger)
    : RelocationConsumer<HouseholdMembersChanged>(db, followUp, time, metrics, logger)
{
    protected override async Task<Guid?> ApplyAsync(ReplicaWriter writer, HouseholdMembersChanged message, CancellationToken ct)
    {
        await writer.MembersChangedAsync(message, ct);
        return message.HouseholdId;
    }
}

public sealed class HouseholdExitedConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdExitedConsumer> logger)
    : RelocationConsumer<HouseholdExited>(db, followUp, time, metrics, logger)
{
    protected override async Task<Guid?> ApplyAsync(ReplicaWriter writer, HouseholdExited message, CancellationToken ct)
    {
        await writer.ExitedAsync(message, ct);
        return null;
    }
}

public sealed class HouseholdReenteredConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdReenteredConsumer> logger)
    : RelocationConsumer<HouseholdReentered>(db, followUp, time, metrics, logger)
{
    protected override async Task<Guid?> ApplyAsync(ReplicaWriter writer, HouseholdReentered message, CancellationToken ct)
    {
        await writer.ReenteredAsync(message, ct);
        return null;
    }
}

public sealed class HouseholdIncomeRecordedConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdIncomeRecordedConsumer> logger)
    : RelocationConsumer<HouseholdIncomeRecorded>(db, followUp, time, metrics, logger)
{
    protected override async Task<Guid?> ApplyAsync(ReplicaWriter writer, HouseholdIncomeRecorded message, CancellationToken ct)
    {
        await writer.IncomeRecordedAsync(message, ct);
        return null;
    }
}

public sealed class GuaranteeStatusChangedConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<GuaranteeStatusChangedConsumer> logger)
    : RelocationConsumer<GuaranteeStatusChanged>(db, followUp, time, metrics, logger)
{
    protected override async Task<Guid?> ApplyAsync(ReplicaWriter writer, GuaranteeStatusChanged message, CancellationToken ct)
    {
        await writer.GuaranteesChangedAsync(message, ct);
        return null;
    }
}
