using MassTransit;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Income;
using Platform.HouseholdRegistry.Monitoring;
using Platform.HouseholdRegistry.Policy;
using Platform.Messaging;

namespace Platform.HouseholdRegistry.Consumers;

/// <summary>
/// The assistance service found a household's out-of-pocket medical costs of a year above its share
/// of net income: a large rigid expenditure (大额刚性支出) that makes the household a household in
/// sudden severe hardship until risk elimination.
/// </summary>
public sealed class LargeMedicalExpenditureIncurredConsumer(RegistryDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<LargeMedicalExpenditureIncurredConsumer> logger, RegistryPolicy policy)
    : InboxConsumer<LargeMedicalExpenditureIncurred, RegistryDbContext>(db, time, metrics, logger)
{
    private readonly ILogger _log = logger;

    protected override async Task HandleAsync(LargeMedicalExpenditureIncurred message, ConsumeContext<LargeMedicalExpenditureIncurred> context)
    {
        var household = await Db.Households.FirstOrDefaultAsync(h => h.Id == message.HouseholdId, context.CancellationToken);
        if (household is null)
        {
            ConsumerLog.UnknownHousehold(_log, nameof(LargeMedicalExpenditureIncurred), message.HouseholdId);
            return;
        }

        var now = Time.GetUtcNow().UtcDateTime;
        MonitoringJournal.Apply(Db, household, MonitoringTrigger.LargeRigidExpenditure,
            $"out-of-pocket medical costs {IncomeCalculator.Yuan(message.OutOfPocketFen)} of {message.Year} are large against net income {IncomeCalculator.Yuan(message.NetIncomeFen)}",
            message.OutOfPocketFen, $"event:{nameof(LargeMedicalExpenditureIncurred)}", now, policy.For(now));
    }
}
