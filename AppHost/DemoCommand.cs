using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.AppHost;

/// <summary>
/// The dashboard's "Seed demo county" command on the registry: calls the registry's demo service
/// as an operator and writes its progress into the registry's log in the dashboard.
/// </summary>
public static class DemoCommand
{
    public const string Name = "seed-demo-county";

    /// <summary>Operators' region for the demo: the province of the demo county.</summary>

    public static IResourceBuilder<ProjectResource> WithSeedDemoCommand(this IResourceBuilder<ProjectResource> registry, PlatformSettings settings)
    {
        if (registry.ApplicationBuilder.IsPublishing())
        {
            // A dashboard command of local runs; a deployment has neither the dashboard nor the development keys.
            return registry;
        }

        var endpoint = registry.GetEndpoint("http");
        ReplicaDirectory.AddTo(registry.ApplicationBuilder.Services);
        var households = int.TryParse(registry.ApplicationBuilder.Configuration["Demo:Households"], out var configured) ? configured : 0;
        return registry
            .WithEnvironment("Registry__Demo__Enabled", "true")
            .WithCommand(Name, "Seed demo county", async context =>
            {
                try
                {
                    using var channel = GrpcChannel.ForAddress(context.Services.GetRequiredService<ReplicaDirectory>().AddressOf(context.ResourceName, endpoint.Url));
                    var token = await IdentityResource.OperatorTokenAsync(settings, context.CancellationToken);
                    var headers = new Metadata { { "authorization", $"Bearer {token}" }, { "x-access-purpose", "demo seeding" } };
                    using var call = new DemoService.DemoServiceClient(channel).SeedDemoCounty(
                        new SeedDemoCountyRequest { Households = households }, headers, DateTime.UtcNow.AddMinutes(20), context.CancellationToken);
                    var last = new SeedDemoCountyResponse();
                    await foreach (var progress in call.ResponseStream.ReadAllAsync(context.CancellationToken))
                    {
                        context.Logger.LogInformation("Demo county: {Phase} {Done}/{Total}", progress.Phase, progress.Done, progress.Total);
                        last = progress;
                    }

                    return CommandResults.Success(last.Phase == "already-seeded" ? "The demo county was already seeded." : $"Seeded {last.Total} households.");
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
                Description = "Seeds the synthetic demo county 示范县 (about 40,000 households, helpers, cases at every step).",
                IconName = "DatabaseArrowUp",
                UpdateState = context => context.ResourceSnapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                    ? ResourceCommandState.Enabled
                    : ResourceCommandState.Disabled,
                Progress = new CommandProgressOptions { Title = "Seeding the demo county", Message = "Writing regions, helpers and households; progress is in the registry's log." },
            });
    }
}
