using MassTransit;
using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.HouseholdRegistry.Contracts;
using Platform.Messaging;

namespace Platform.Assistance.Households;

/// <summary>
/// Base of the consumers of the registry's events: apply the event to the replica, reassess the
/// household's guarantees, and let the inbox save effect, inbox row and any status event together.
/// </summary>
public abstract class ReplicaConsumer<TMessage>(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger logger, GuaranteeAssessor assessor)
    : InboxConsumer<TMessage, AssistanceDbContext>(db, time, metrics, logger)
    where TMessage : class
{
    protected override async Task HandleAsync(TMessage message, ConsumeContext<TMessage> context)
    {
        var household = await ApplyAsync(new ReplicaWriter(Db), message, context.CancellationToken);
        await assessor.AssessAsync([household], context.CancellationToken);
    }

    protected abstract Task<AssistedHousehold> ApplyAsync(ReplicaWriter writer, TMessage message, CancellationToken ct);
}

public sealed class HouseholdRegisteredConsumer(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdRegisteredConsumer> logger, GuaranteeAssessor assessor)
    : ReplicaConsumer<HouseholdRegistered>(db, time, metrics, logger, assessor)
{
    protected override Task<AssistedHousehold> ApplyAsync(ReplicaWriter writer, HouseholdRegistered message, CancellationToken ct) => writer.RegisteredAsync(message, ct);
}

public sealed class HouseholdMembersChangedConsumer(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdMembersChangedConsumer> logger, GuaranteeAssessor assessor)
    : ReplicaConsumer<HouseholdMembersChanged>(db, time, metrics, logger, assessor)
{
    protected override Task<AssistedHousehold> ApplyAsync(ReplicaWriter writer, HouseholdMembersChanged message, CancellationToken ct) => writer.MembersChangedAsync(message, ct);
}

public sealed class HouseholdExitedConsumer(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdExitedConsumer> logger, GuaranteeAssessor assessor)
    : ReplicaConsumer<HouseholdExited>(db, time, metrics, logger, assessor)
{
    protected override Task<AssistedHousehold> ApplyAsync(ReplicaWriter writer, HouseholdExited message, CancellationToken ct) => writer.ExitedAsync(message, ct);
}

public sealed class HouseholdReenteredConsumer(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdReenteredConsumer> logger, GuaranteeAssessor assessor)
    : ReplicaConsumer<HouseholdReentered>(db, time, metrics, logger, assessor)
{
    protected override Task<AssistedHousehold> ApplyAsync(ReplicaWriter writer, HouseholdReentered message, CancellationToken ct) => writer.ReenteredAsync(message, ct);
}

public sealed class MonitoringCategoryChangedConsumer(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<MonitoringCategoryChangedConsumer> logger, GuaranteeAssessor assessor)
    : ReplicaConsumer<MonitoringCategoryChanged>(db, time, metrics, logger, assessor)
{
    protected override Task<AssistedHousehold> ApplyAsync(ReplicaWriter writer, MonitoringCategoryChanged message, CancellationToken ct) => writer.MonitoringChangedAsync(message, ct);
}

public sealed class HouseholdIncomeRecordedConsumer(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdIncomeRecordedConsumer> logger, GuaranteeAssessor assessor)
    : ReplicaConsumer<HouseholdIncomeRecorded>(db, time, metrics, logger, assessor)
{
    protected override Task<AssistedHousehold> ApplyAsync(ReplicaWriter writer, HouseholdIncomeRecorded message, CancellationToken ct) => writer.IncomeRecordedAsync(message, ct);
}
