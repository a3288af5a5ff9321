using MassTransit;
using Microsoft.Extensions.Logging;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.EndToEnd.EventProbe;

/// <summary>Writes one log line per event, which the end-to-end test watches for.</summary>
public sealed partial class HouseholdAppliedObserver(ILogger<HouseholdAppliedObserver> logger) : IConsumer<HouseholdApplied>
{
    public Task Consume(ConsumeContext<HouseholdApplied> context)
    {
        LogObserved(context.Message.HouseholdId, context.Message.RegionCode, context.Message.Members.Count);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Observed HouseholdApplied {HouseholdId} in village {RegionCode} with {MemberCount} members")]
    private partial void LogObserved(Guid householdId, string regionCode, int memberCount);
}
