using Platform.Employment.Data;
using Platform.HouseholdRegistry.Contracts;
using Platform.Messaging;
using Platform.Relocation.Contracts;

namespace Platform.Employment.Labourers;

/// <summary>Base of the consumers of the registry's and relocation's events: apply to the replica; the inbox saves effect and message id together.</summary>
public abstract class ReplicaConsumer<TMessage>(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger logger)
    : HouseholdReplicaConsumer<TMessage, EmploymentDbContext, LabourHousehold, Labourer>(db, time, metrics, logger)
    where TMessage : class
{
    protected override HouseholdReplicaWriter<LabourHousehold, Labourer> NewWriter() => new ReplicaWriter(Db);
}

public sealed class HouseholdRegisteredConsumer(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdRegisteredConsumer> logger)
    : ReplicaConsumer<HouseholdRegistered>(db, time, metrics, logger);

public sealed class HouseholdMembersChangedConsumer(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdMembersChangedConsumer> logger)
    : ReplicaConsumer<HouseholdMembersChanged>(db, time, metrics, logger);

public sealed class HouseholdExitedConsumer(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdExitedConsumer> logger)
    : ReplicaConsumer<HouseholdExited>(db, time, metrics, logger);

public sealed class HouseholdReenteredConsumer(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdReenteredConsumer> logger)
    : ReplicaConsumer<HouseholdReentered>(db, time, metrics, logger);

/// <summary>The relocation service opened a zero-employment case: the family's labourers come first for referrals.</summary>
public sealed class ZeroEmploymentCaseOpenedConsumer(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<ZeroEmploymentCaseOpenedConsumer> logger)
    : ReplicaConsumer<ZeroEmploymentCaseOpened>(db, time, metrics, logger);

public sealed class ZeroEmploymentCaseClosedConsumer(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<ZeroEmploymentCaseClosedConsumer> logger)
    : ReplicaConsumer<ZeroEmploymentCaseClosed>(db, time, metrics, logger);
