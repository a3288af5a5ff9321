using MassTransit;
using Microsoft.Extensions.Logging;
using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.EndToEnd.EventProbe;

/// <summary>Logs each registration as another service on the broker sees it.</summary>
public sealed partial class HouseholdRegisteredObserver(ILogger<HouseholdRegisteredObserver> logger) : IConsumer<HouseholdRegistered>
{
    public Task Consume(ConsumeContext<HouseholdRegistered> context)
    {
        LogObserved(context.Message.HouseholdId, context.Message.RegionCode);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Observed HouseholdRegistered {HouseholdId} in village {RegionCode}")]
    private partial void LogObserved(Guid householdId, string regionCode);
}

/// <summary>Logs each guarantee status the assistance service publishes.</summary>
public sealed partial class GuaranteeStatusChangedObserver(ILogger<GuaranteeStatusChangedObserver> logger) : IConsumer<GuaranteeStatusChanged>
{
    public Task Consume(ConsumeContext<GuaranteeStatusChanged> context)
    {
        var m = context.Message;
        LogObserved(m.HouseholdId, m.FoodAndClothing, m.Education, m.Medical, m.Housing, m.Water);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Observed GuaranteeStatusChanged {HouseholdId}: food {Food}, education {Education}, medical {Medical}, housing {Housing}, water {Water}")]
    private partial void LogObserved(Guid householdId, string food, string education, string medical, string housing, string water);
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
