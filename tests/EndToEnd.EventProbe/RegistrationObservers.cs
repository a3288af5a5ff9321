using MassTransit;
using Microsoft.Extensions.Logging;
using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.EndToEnd.EventProbe;

/// <summary>
/// Logs each registration and, standing in for the assistance service (a later issue), answers it
/// with the household's guarantee status — all met — as that service will once it assesses a household.
/// </summary>
public sealed partial class HouseholdRegisteredObserver(ILogger<HouseholdRegisteredObserver> logger) : IConsumer<HouseholdRegistered>
{
    public async Task Consume(ConsumeContext<HouseholdRegistered> context)
    {
        var registered = context.Message;
        LogObserved(registered.HouseholdId, registered.RegionCode);
        await context.Publish(new GuaranteeStatusChanged(
            registered.HouseholdId, registered.RegionCode, "Met", "Met", "Met", "Met", "Met", [], DateTime.UtcNow));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Observed HouseholdRegistered {HouseholdId} in village {RegionCode}; guarantees reported met")]
    private partial void LogObserved(Guid householdId, string regionCode);
}

/// <summary>Logs each exit, with its post-exit support period.</summary>
public sealed partial class HouseholdExitedObserver(ILogger<HouseholdExitedObserver> logger) : IConsumer<HouseholdExited>
{
    public Task Consume(ConsumeContext<HouseholdExited> context)
    {
        LogObserved(context.Message.HouseholdId, context.Message.SupportUntil);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Observed HouseholdExited {HouseholdId}; support until {SupportUntil}")]
    private partial void LogObserved(Guid householdId, DateOnly supportUntil);
}
