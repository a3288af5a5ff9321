using Pa.Operations.V1;

namespace Platform.AppHost;

/// <summary>
/// The dashboard's "Re-drive error queue" on every service: once the cause of its consumers' failures
/// is fixed, their error queues' messages go back to their queues. The service moves them and audits
/// each, with the dashboard as the operator; its inbox applies each message at most once.
/// </summary>
public static class ErrorQueueCommands
{
    public const string Redrive = "error-queue-redrive";

    public static IResourceBuilder<ProjectResource> WithErrorQueueCommands(this IResourceBuilder<ProjectResource> service, PlatformSettings settings)
    {
        var endpoint = service.GetEndpoint("http");
        ReplicaDirectory.AddTo(service.ApplicationBuilder.Services);
        return service.WithCommand(Redrive, "Re-drive error queue", context => OperatorCall.RunAsync(context, endpoint, settings, "error queue re-drive after a fix", async (channel, headers, deadline) =>
        {
            var reply = await new ErrorQueueService.ErrorQueueServiceClient(channel).RedriveErrorQueuesAsync(new RedriveErrorQueuesRequest(), headers, deadline);
            return reply.Redriven.Count == 0
                ? "The error queues are empty."
                : $"Re-drove {reply.Redriven.Sum(q => q.Depth)} messages: {string.Join(", ", reply.Redriven.Select(q => $"{q.Depth} to {q.Queue}"))}.";
        }), new CommandOptions
        {
            Description = "Moves every message in this service's error queues (<queue>_error) back to its queue, after the cause is fixed. Each is audited; a message already applied changes nothing.",
            ConfirmationMessage = "Move every message in this service's error queues back to their queues now?",
            IconName = "ArrowRepeatAll",
            UpdateState = OperatorCall.EnabledWhenHealthy,
        });
    }
}
