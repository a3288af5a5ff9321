using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost;

/// <summary>Marks a resource whose instances the AppHost starts again when they exit on their own.</summary>
public sealed class HealAnnotation : IResourceAnnotation;

/// <summary>
/// Starts a marked resource instance again when it leaves Running for Exited or Finished without an
/// operator's stop: the broker or a service that crashed or was killed comes back by itself. Aspire
/// 13.6 restarts only containers (ContainerRestartPolicy); executables and projects stay exited. The
/// restart goes through the dashboard's own start command, so the instance gets its environment and
/// ports from the app model as at the first start, and the proxied public port reaches it again.
/// Restarts back off (2 s doubling to a minute) while an instance keeps exiting soon after a start.
/// </summary>
public static class Healing
{
    public static IResourceBuilder<T> WithHealing<T>(this IResourceBuilder<T> resource)
        where T : IResource
    {
        var services = resource.ApplicationBuilder.Services;
        services.TryAddSingleton<ResourceHealer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ResourceHealer>(sp => sp.GetRequiredService<ResourceHealer>()));
        return resource.WithAnnotation(new HealAnnotation());
    }
}

public sealed partial class ResourceHealer(
    ResourceNotificationService notifications, ResourceCommandService commands, IHostApplicationLifetime lifetime, ILogger<ResourceHealer> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(1);

    /// <summary>An instance that ran this long before it exited starts again at once, with the back-off reset.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Backoff> _backoffs = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var states = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (!update.Resource.Annotations.OfType<HealAnnotation>().Any())
                {
                    continue;
                }

                var state = update.Snapshot.State?.Text;
                states.TryGetValue(update.ResourceId, out var before);
                states[update.ResourceId] = state;
                if (before == KnownResourceStates.Running && state is not null && state != before && ExitedOnItsOwn(state))
                {
                    _ = HealAsync(update, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    /// <summary>
    /// An operator's stop passes through Stopping, and an AppHost that is shutting down stops
    /// everything: neither is healed. Straight from Running to an end state is a crash or a kill.
    /// </summary>
    private bool ExitedOnItsOwn(string state) =>
        (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished) && !lifetime.ApplicationStopping.IsCancellationRequested;

    private async Task HealAsync(ResourceEvent exited, CancellationToken stoppingToken)
    {
        var id = exited.ResourceId;
        var backoff = _backoffs.AddOrUpdate(id, _ => new Backoff(DateTime.UtcNow, TimeSpan.Zero), (_, b) => b.Next(exited.Snapshot.StartTimeStamp));
        LogExited(logger, id, exited.Snapshot.State?.Text, exited.Snapshot.ExitCode, backoff.Delay.TotalSeconds);
        try
        {
            await Task.Delay(backoff.Delay, stoppingToken);
            if (lifetime.ApplicationStopping.IsCancellationRequested
                || !notifications.TryGetCurrentState(id, out var current)
                || !KnownResourceStates.TerminalStates.Contains(current.Snapshot.State?.Text))
            {
                // Shutting down, or already started again (an operator was quicker).
                return;
            }

            var result = await commands.ExecuteCommandAsync(id, KnownResourceCommands.StartCommand, stoppingToken);
            if (result.Success)
            {
                LogRestarted(logger, id);
            }
            else
            {
                LogRestartFailed(logger, id, result.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    /// <summary>When the last restart was asked for, and how long this one waits.</summary>
    private sealed record Backoff(DateTime At, TimeSpan Delay)
    {
        public Backoff Next(DateTime? startedAt)
        {
            var now = DateTime.UtcNow;
            var ranLong = startedAt is { } started && now - started.ToUniversalTime() > Settled;
            if (ranLong || now - At > Settled + LongestDelay)
            {
                return new Backoff(now, TimeSpan.Zero);
            }

            var delay = Delay == TimeSpan.Zero ? FirstDelay : Delay * 2;
            return new Backoff(now, delay > LongestDelay ? LongestDelay : delay);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ResourceId} stopped on its own ({State}, exit code {ExitCode}); starting it again in {DelaySeconds} s")]
    private static partial void LogExited(ILogger logger, string resourceId, string? state, int? exitCode, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ResourceId} was started again")]
    private static partial void LogRestarted(ILogger logger, string resourceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ResourceId} could not be started again: {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, string resourceId, string? reason);
}
