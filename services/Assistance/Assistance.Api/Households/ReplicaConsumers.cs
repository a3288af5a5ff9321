using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdReplica;
using Platform.Messaging;

namespace Platform.Assistance.Households;

/// <summary>
/// Base of the consumers of the registry's events: apply each event of a batch to the replica, then
/// reassess the guarantees of every household the batch touched at once (the assessor's queries are
/// set-wise, so a batch costs about what one event did), and let the inbox commit effects, inbox
/// rows and any status events together.
/// </summary>
public abstract class ReplicaConsumer<TMessage>(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger logger, GuaranteeAssessor assessor)
    : HouseholdReplicaConsumer<TMessage, AssistanceDbContext, AssistedHousehold, AssistedMember>(db, time, metrics, logger)
    where TMessage : class
{
    private readonly Dictionary<Guid, AssistedHousehold> _touched = [];

    protected override HouseholdReplicaWriter<AssistedHousehold, AssistedMember> NewWriter() => new ReplicaWriter(Db);

    protected override Task AppliedAsync(AssistedHousehold household, TMessage message, CancellationToken ct)
    {
        _touched[household.Id] = household;
        return Task.CompletedTask;
    }

    protected override void BeginBatch() => _touched.Clear();

    // A household applied twice in the batch is the same tracked entity, assessed once with its latest state.
    protected override Task AfterBatchAsync(CancellationToken ct) => assessor.AssessAsync([.. _touched.Values], ct);
}

public sealed class HouseholdRegisteredConsumer(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdRegisteredConsumer> logger, GuaranteeAssessor assessor)
    : ReplicaConsumer<HouseholdRegistered>(db, time, metrics, logger, assessor);

public sealed class HouseholdMembersChangedConsumer(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdMembersChangedConsumer> logger, GuaranteeAssessor assessor)
    : ReplicaConsumer<HouseholdMembersChanged>(db, time, metrics, logger, assessor);

public sealed class HouseholdExitedConsumer(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdExitedConsumer> logger, GuaranteeAssessor assessor)
    : ReplicaConsumer<HouseholdExited>(db, time, metrics, logger, assessor);

public sealed class HouseholdReenteredConsumer(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdReenteredConsumer> logger, GuaranteeAssessor assessor)
    : ReplicaConsumer<HouseholdReentered>(db, time, metrics, logger, assessor);

public sealed class MonitoringCategoryChangedConsumer(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<MonitoringCategoryChangedConsumer> logger, GuaranteeAssessor assessor)
    : ReplicaConsumer<MonitoringCategoryChanged>(db, time, metrics, logger, assessor);

public sealed class HouseholdIncomeRecordedConsumer(AssistanceDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdIncomeRecordedConsumer> logger, GuaranteeAssessor assessor)
    : ReplicaConsumer<HouseholdIncomeRecorded>(db, time, metrics, logger, assessor);
