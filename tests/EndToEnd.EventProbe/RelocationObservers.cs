using MassTransit;
using Microsoft.Extensions.Logging;
using Platform.Relocation.Contracts;

namespace Platform.EndToEnd.EventProbe;

/// <summary>Logs each zero-employment case the relocation service opens, as the employment service would receive it.</summary>
public sealed partial class ZeroEmploymentCaseOpenedObserver(ILogger<ZeroEmploymentCaseOpenedObserver> logger) : IConsumer<ZeroEmploymentCaseOpened>
{
    public Task Consume(ConsumeContext<ZeroEmploymentCaseOpened> context)
    {
        LogObserved(context.Message.HouseholdId, context.Message.MembersSeekingWork.Count);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Observed ZeroEmploymentCaseOpened {HouseholdId} with {Seeking} members seeking work")]
    private partial void LogObserved(Guid householdId, int seeking);
}

/// <summary>Logs each zero-employment case that closed, with its outcome.</summary>
public sealed partial class ZeroEmploymentCaseClosedObserver(ILogger<ZeroEmploymentCaseClosedObserver> logger) : IConsumer<ZeroEmploymentCaseClosed>
{
    public Task Consume(ConsumeContext<ZeroEmploymentCaseClosed> context)
    {
        LogObserved(context.Message.HouseholdId, context.Message.Outcome);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Observed ZeroEmploymentCaseClosed {HouseholdId}: {Outcome}")]
    private partial void LogObserved(Guid householdId, string outcome);
}
