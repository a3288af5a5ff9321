using MassTransit;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Assistance.Contracts;
using Platform.Employment.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Income;
using Platform.Messaging;

namespace Platform.HouseholdRegistry.Consumers;

/// <summary>
/// Base of the consumers that add income or expenditure reported by another service. The payment or
/// record id is the entry's source reference, so a re-sent report with a new message id replaces
/// the entry instead of counting twice; the inbox makes a redelivery of the same message a no-op.
/// </summary>
public abstract class IncomeEventConsumer<TMessage>(RegistryDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger logger, IncomeLedger ledger)
    : InboxConsumer<TMessage, RegistryDbContext>(db, time, metrics, logger)
    where TMessage : class
{
    private readonly ILogger _log = logger;

    protected override async Task HandleAsync(TMessage message, ConsumeContext<TMessage> context)
    {
        var (householdId, change) = ToChange(message);
        var household = await Db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == householdId, context.CancellationToken);
        if (household is null)
        {
            ConsumerLog.UnknownHousehold(_log, typeof(TMessage).Name, householdId);
            return;
        }

        await ledger.RecordAsync(household, [change], $"event:{typeof(TMessage).Name}", Time.GetUtcNow().UtcDateTime, context.CancellationToken);
    }

    protected abstract (Guid HouseholdId, IncomeChange Change) ToChange(TMessage message);
}

public sealed class WagesPaidConsumer(RegistryDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<WagesPaidConsumer> logger, IncomeLedger ledger)
    : IncomeEventConsumer<WagesPaid>(db, time, metrics, logger, ledger)
{
    protected override (Guid, IncomeChange) ToChange(WagesPaid m) =>
        (m.HouseholdId, new IncomeChange(m.Year, IncomeCategories.Wages, IncomeKind.Income, IncomeCategories.Employment, m.PaymentId.ToString(), m.AmountFen));
}

public sealed class DividendPaidConsumer(RegistryDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<DividendPaidConsumer> logger, IncomeLedger ledger)
    : IncomeEventConsumer<DividendPaid>(db, time, metrics, logger, ledger)
{
    protected override (Guid, IncomeChange) ToChange(DividendPaid m) =>
        (m.HouseholdId, new IncomeChange(m.Year, IncomeCategories.Property, IncomeKind.Income, IncomeCategories.Dividend, m.PaymentId.ToString(), m.AmountFen));
}

/// <summary>Out-of-pocket medical cost; the ledger raises the sudden-hardship trigger when the year's rigid expenditure becomes large.</summary>
public sealed class MedicalExpenditureRecordedConsumer(RegistryDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<MedicalExpenditureRecordedConsumer> logger, IncomeLedger ledger)
    : IncomeEventConsumer<MedicalExpenditureRecorded>(db, time, metrics, logger, ledger)
{
    protected override (Guid, IncomeChange) ToChange(MedicalExpenditureRecorded m) =>
        (m.HouseholdId, new IncomeChange(m.Year, IncomeCategories.MedicalExpenditure, IncomeKind.Expenditure, IncomeCategories.MedicalInsurance, m.RecordId.ToString(), m.OutOfPocketFen));
}

internal static partial class ConsumerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{MessageType} for household {HouseholdId}, which the registry does not know; skipped")]
    public static partial void UnknownHousehold(ILogger logger, string messageType, Guid householdId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guarantee status of household {HouseholdId} assessed at {ChangedAt:o} is not newer than the one kept ({KeptAt:o}); ignored")]
    public static partial void StaleGuarantees(ILogger logger, Guid householdId, DateTime changedAt, DateTime keptAt);
}
