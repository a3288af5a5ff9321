using MassTransit;
using Platform.Employment.Data;
using Platform.HouseholdRegistry.Contracts;
using Platform.Messaging;
using Platform.Relocation.Contracts;

namespace Platform.Employment.Labourers;

/// <summary>Base of the consumers of the registry's events: apply to the replica; the inbox saves effect and message id together.</summary>
public abstract class ReplicaConsumer<TMessage>(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger logger)
    : InboxConsumer<TMessage, EmploymentDbContext>(db, time, metrics, logger)
    where TMessage : class
{
    protected override Task HandleAsync(TMessage message, ConsumeContext<TMessage> context) =>
        ApplyAsync(new ReplicaWriter(Db), message, context.CancellationToken);

    protected abstract Task ApplyAsync(ReplicaWriter writer, TMessage message, CancellationToken ct);
}

public sealed class HouseholdRegisteredConsumer(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdRegisteredConsumer> logger)
    : ReplicaConsumer<HouseholdRegistered>(db, time, metrics, logger)
{
    protected override Task ApplyAsync(ReplicaWriter writer, HouseholdRegistered message, CancellationToken ct) => writer.RegisteredAsync(message, ct);
}

public sealed class HouseholdMembersChangedConsumer(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdMembersChangedConsumer> logger)
    : ReplicaConsumer<HouseholdMembersChanged>(db, time, metrics, logger)
{
    protected override Task ApplyAsync(ReplicaWriter writer, HouseholdMembersChanged message, CancellationToken ct) => writer.MembersChangedAsync(message, ct);
}

public sealed class HouseholdExitedConsumer(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdExitedConsumer> logger)
    : ReplicaConsumer<HouseholdExited>(db, time, metrics, logger)
{
    protected override Task ApplyAsync(ReplicaWriter writer, HouseholdExited message, CancellationToken ct) => writer.ExitedAsync(message, ct);
}

public sealed class HouseholdReenteredConsumer(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdReenteredConsumer> logger)
    : ReplicaConsumer<HouseholdReentered>(db, time, metrics, logger)
{
    protected override Task ApplyAsync(ReplicaWriter writer, HouseholdReentered message, CancellationToken ct) => writer.ReenteredAsync(message, ct);
}

/// <summary>The relocation service opened a zero-employment case: the family's labourers come first for referrals.</summary>
public sealed class ZeroEmploymentCaseOpenedConsumer(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<ZeroEmploymentCaseOpenedConsumer> logger)
    : ReplicaConsumer<ZeroEmploymentCaseOpened>(db, time, metrics, logger)
{
    protected override Task ApplyAsync(ReplicaWriter writer, ZeroEmploymentCaseOpened message, CancellationToken ct) => writer.ZeroEmploymentCaseOpenedAsync(message, ct);
}

public sealed class ZeroEmploymentCaseClosedConsumer(EmploymentDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<ZeroEmploymentCaseClosedConsumer> logger)
    : ReplicaConsumer<ZeroEmploymentCaseClosed>(db, time, metrics, logger)
{
    protected override Task ApplyAsync(ReplicaWriter writer, ZeroEmploymentCaseClosed message, CancellationToken ct) => writer.ZeroEmploymentCaseClosedAsync(message, ct);
}
