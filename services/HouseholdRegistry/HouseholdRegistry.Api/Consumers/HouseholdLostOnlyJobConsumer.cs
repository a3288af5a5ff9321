using MassTransit;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Employment.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Monitoring;
using Platform.HouseholdRegistry.Policy;
using Platform.Messaging;

namespace Platform.HouseholdRegistry.Consumers;

/// <summary>A household whose only job ended is a household in sudden severe hardship until risk elimination.</summary>
public sealed class HouseholdLostOnlyJobConsumer(RegistryDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<HouseholdLostOnlyJobConsumer> logger, RegistryPolicy policy)
    : InboxConsumer<HouseholdLostOnlyJob, RegistryDbContext>(db, time, metrics, logger)
{
    private readonly ILogger _log = logger;

    protected override async Task HandleAsync(HouseholdLostOnlyJob message, ConsumeContext<HouseholdLostOnlyJob> context)
    {
        var household = await Db.Households.FirstOrDefaultAsync(h => h.Id == message.HouseholdId, context.CancellationToken);
        if (household is null)
        {
            ConsumerLog.UnknownHousehold(_log, nameof(HouseholdLostOnlyJob), message.HouseholdId);
            return;
        }

        var now = Time.GetUtcNow().UtcDateTime;
        MonitoringJournal.Apply(Db, household, MonitoringTrigger.LostOnlyJob, $"the household's only job ended on {message.EndedAt:yyyy-MM-dd}",
            null, $"event:{nameof(HouseholdLostOnlyJob)}", now, policy.For(now));
    }
}
