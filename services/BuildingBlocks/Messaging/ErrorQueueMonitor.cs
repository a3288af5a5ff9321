using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>
/// Reads the error queues' depths for the pa.consumer.error_queue_depth gauge every
/// Messaging:ErrorQueueInterval. A gauge callback must not wait on the broker, so the figures are
/// read here and the gauge reports the latest; while the broker is unreachable it reports nothing
/// rather than stale depths.
/// </summary>
public sealed partial class ErrorQueueMonitor(ErrorQueues errorQueues, MessagingMetrics metrics, IOptions<MessagingOptions> options, TimeProvider time, ILogger<ErrorQueueMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                metrics.ObserveErrorQueues(await errorQueues.DepthsAsync(stoppingToken));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                metrics.ObserveErrorQueues(null);
                LogUnreadable(logger, ex.Message);
            }

            try
            {
                await Task.Delay(options.Value.ErrorQueueInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Error queue depths could not be read: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
