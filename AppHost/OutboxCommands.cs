using System.Text;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Pa.Operations.V1;

namespace Platform.AppHost;

/// <summary>
/// The dashboard's outbox commands on every service: list the events its relay cannot publish (in
/// the resource's log), retry them all once the cause is fixed (a deploy brought the type back), or
/// park the unpublishable ones so their aggregates' later events flow. Each call is audited by the
/// service, with the dashboard as the operator.
/// </summary>
public static class OutboxCommands
{
    public static IResourceBuilder<ProjectResource> WithOutboxCommands(this IResourceBuilder<ProjectResource> service, PlatformSettings settings)
    {
        var endpoint = service.GetEndpoint("http");
        ReplicaDirectory.AddTo(service.ApplicationBuilder.Services);

        Task<ExecuteCommandResult> Call(ExecuteCommandContext context, string purpose, Func<OutboxService.OutboxServiceClient, Metadata, DateTime, Task<string>> call) =>
            OperatorCall.RunAsync(context, endpoint, settings, purpose, (channel, headers, deadline) => call(new OutboxService.OutboxServiceClient(channel), headers, deadline));

        var enabled = OperatorCall.EnabledWhenHealthy;

        return service
            .WithCommand("outbox-list-problems", "List stuck events", context => Call(context, "outbox problem listing", async (client, headers, deadline) =>
            {
                var reply = await client.ListProblemEventsAsync(new ListProblemEventsRequest { Page = new Pa.Common.V1.PageRequest { PageSize = 100 } }, headers, deadline);
                var summary = new StringBuilder();
                foreach (var e in reply.Events)
                {
                    context.Logger.LogWarning(
                        "Outbox row {RowId} {MessageType} of {Aggregate}: {Attempts} attempts, {State}; last error: {LastError}",
                        e.RowId, e.MessageType, e.AggregateKey, e.Attempts, e.ParkedAt is null ? (e.Unpublishable ? "unpublishable" : "retrying") : "parked", e.LastError);
                }

                summary.Append(reply.Events.Count == 0 ? "No stuck events." : $"{reply.Page.TotalSize} stuck events; the first {reply.Events.Count} are in this resource's log.");
                return summary.ToString();
            }), new CommandOptions { Description = "Lists outbox events that failed to publish or were parked (to the resource's log).", IconName = "DocumentSearch", UpdateState = enabled })
            .WithCommand("outbox-retry", "Retry stuck events", context => Call(context, "outbox retry after a fix", async (client, headers, deadline) =>
                $"Retried {(await client.RetryEventsAsync(new RetryEventsRequest { All = true }, headers, deadline)).Retried} events."), new CommandOptions
            {
                Description = "Retries every failing or parked outbox event now (after the cause is fixed). A parked event is published after its aggregate's later events.",
                ConfirmationMessage = "Retry every stuck and parked outbox event of this service now?",
                IconName = "ArrowRepeatAll",
                UpdateState = enabled,
            })
            .WithCommand("outbox-park", "Park unpublishable events", context => Call(context, "outbox park of unpublishable events", async (client, headers, deadline) =>
                $"Parked {(await client.ParkEventsAsync(new ParkEventsRequest { AllUnpublishable = true }, headers, deadline)).Parked} unpublishable events."), new CommandOptions
            {
                Description = "Parks every event this service cannot publish as it is, so its aggregate's later events are published; parked events stay for a later retry.",
                ConfirmationMessage = "Park every unpublishable outbox event of this service? Later events of their aggregates will be published before them.",
                IconName = "Pause",
                UpdateState = enabled,
            });
    }
}
