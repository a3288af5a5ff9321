using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Monitoring;
using Platform.Messaging;

namespace Platform.HouseholdRegistry.Consumers;

/// <summary>Keeps the last-known guarantee status; events can arrive out of order, so an older assessment never replaces a newer one.</summary>
public sealed class GuaranteeStatusChangedConsumer(RegistryDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<GuaranteeStatusChangedConsumer> logger)
    : InboxConsumer<GuaranteeStatusChanged, RegistryDbContext>(db, time, metrics, logger)
{
    private readonly ILogger _log = logger;

    protected override async Task HandleAsync(GuaranteeStatusChanged message, ConsumeContext<GuaranteeStatusChanged> context)
    {
        var household = await Db.Households.FirstOrDefaultAsync(h => h.Id == message.HouseholdId, context.CancellationToken);
        if (household is null)
        {
            ConsumerLog.UnknownHousehold(_log, nameof(GuaranteeStatusChanged), message.HouseholdId);
            return;
        }

        if (household.Guarantees is { } kept && kept.ChangedAt >= message.ChangedAt)
        {
            ConsumerLog.StaleGuarantees(_log, message.HouseholdId, message.ChangedAt, kept.ChangedAt);
            return;
        }

        household.Guarantees = new GuaranteeSnapshot
        {
            FoodAndClothing = GuaranteeSnapshot.Parse(message.FoodAndClothing),
            Education = GuaranteeSnapshot.Parse(message.Education),
            Medical = GuaranteeSnapshot.Parse(message.Medical),
            Housing = GuaranteeSnapshot.Parse(message.Housing),
            Water = GuaranteeSnapshot.Parse(message.Water),
            Reasons = message.Reasons.Take(20).Select(r => r.Length > 200 ? r[..200] : r).ToList(),
            ChangedAt = message.ChangedAt,
            ReceivedAt = Time.GetUtcNow().UtcDateTime,
        };
    }
}
