using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Contracts;
using Platform.Messaging;
using Platform.Relocation.Data;
using Platform.Relocation.FollowUp;

namespace Platform.Relocation.Households;

/// <summary>
/// Base of the consumers of the registry's and the assistance service's events: apply to the replica,
/// then bring the family's follow-up up to date when its members may have changed; the inbox saves
/// effect, events and message id together.
/// </summary>
public abstract class ReplicaConsumer<TMessage>(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger logger)
    : HouseholdReplicaConsumer<TMessage, RelocationDbContext, RelocatedHousehold, RelocatedMember>(db, time, metrics, logger)
    where TMessage : class
{
    protected override HouseholdReplicaWriter<RelocatedHousehold, RelocatedMember> NewWriter() => new ReplicaWriter(Db);

    protected override Task AppliedAsync(RelocatedHousehold household, TMessage message, CancellationToken ct) =>
        message is HouseholdRegistered or HouseholdMembersChanged
            ? followUp.ReconcileAsync(household.Id, Time.GetUtcNow().UtcDateTime, ct)
            : Task.CompletedTask;
}

public sealed class HouseholdRegisteredConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdRegisteredConsumer> logger)
    : ReplicaConsumer<HouseholdRegistered>(db, followUp, time, metrics, logger);

public sealed class HouseholdMembersChangedConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdMembersChangedConsumer> logger)
    : ReplicaConsumer<HouseholdMembersChanged>(db, followUp, time, metrics, logger);

public sealed class HouseholdExitedConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdExitedConsumer> logger)
    : ReplicaConsumer<HouseholdExited>(db, followUp, time, metrics, logger);

public sealed class HouseholdReenteredConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdReenteredConsumer> logger)
    : ReplicaConsumer<HouseholdReentered>(db, followUp, time, metrics, logger);

public sealed class HouseholdIncomeRecordedConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdIncomeRecordedConsumer> logger)
    : ReplicaConsumer<HouseholdIncomeRecorded>(db, followUp, time, metrics, logger);

public sealed class GuaranteeStatusChangedConsumer(RelocationDbContext db, FollowUpReconciler followUp, TimeProvider time, MessagingMetrics metrics, ILogger<GuaranteeStatusChangedConsumer> logger)
    : ReplicaConsumer<GuaranteeStatusChanged>(db, followUp, time, metrics, logger);
