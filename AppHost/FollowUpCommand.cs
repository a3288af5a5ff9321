using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pa.Relocation.V1;
using Platform.Security;

namespace Platform.AppHost;

/// <summary>
/// The dashboard's "Re-assess follow-up" command on the relocation service: re-assesses every
/// moved-in family now (the service does it daily by itself), as an operator.
/// </summary>
public static class FollowUpCommand
{
    public const string Name = "reassess-follow-up";


    public static IResourceBuilder<ProjectResource> WithReassessFollowUpCommand(this IResourceBuilder<ProjectResource> relocation, PlatformSettings settings)
    {
        if (relocation.ApplicationBuilder.IsPublishing())
        {
            // A dashboard command of local runs; a deployment has neither the dashboard nor the development keys.
            return relocation;
        }

        var endpoint = relocation.GetEndpoint("http");
        ReplicaDirectory.AddTo(relocation.ApplicationBuilder.Services);
        return relocation.WithCommand(Name, "Re-assess follow-up", async context =>
        {
            try
            {
                using var channel = GrpcChannel.ForAddress(context.Services.GetRequiredService<ReplicaDirectory>().AddressOf(context.ResourceName, endpoint.Url));
                var token = await IdentityResource.OperatorTokenAsync(settings, context.CancellationToken);
                var headers = new Metadata { { "authorization", $"Bearer {token}" }, { "x-access-purpose", "follow-up re-assessment" } };
                var result = await new FollowUpService.FollowUpServiceClient(channel).ReassessFamiliesAsync(
                    new ReassessFamiliesRequest(), headers, DateTime.UtcNow.AddMinutes(10), context.CancellationToken);
                context.Logger.LogInformation("Re-assessed the follow-up of {Families} moved-in families", result.Families);
                return CommandResults.Success($"Re-assessed {result.Families} moved-in families.");
            }
            catch (RpcException ex)
            {
                return CommandResults.Failure($"{ex.StatusCode}: {ex.Status.Detail}");
            }
            catch (Exception ex) when (ex is TokenRequestException or HttpRequestException)
            {
                return CommandResults.Failure($"No operator token from the identity service: {ex.Message}");
            }
        }, new CommandOptions
        {
            Description = "Re-assesses every relocated family's employment follow-up now (members who came of or passed working age; zero-employment cases open or close).",
            IconName = "ArrowSync",
            UpdateState = context => context.ResourceSnapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
        });
    }
}
