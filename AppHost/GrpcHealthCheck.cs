using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost;

/// <summary>
/// Services speak HTTP/2 only (h2c), so the dashboard's health comes from each service's gRPC
/// health service rather than an HTTP/1 probe. SERVING means the database and broker are ready.
/// </summary>
public static class GrpcHealthCheck
{
    public static IResourceBuilder<ProjectResource> WithGrpcHealthCheck(this IResourceBuilder<ProjectResource> project)
    {
        var endpoint = project.GetEndpoint("http");
        var name = $"{project.Resource.Name}-grpc-health";
        // One channel per resource, made on the first check (the endpoint's URL is known only once it is allocated).
        var channel = new Lazy<GrpcChannel>(() => GrpcChannel.ForAddress(endpoint.Url));
        project.ApplicationBuilder.Services.AddHealthChecks().AddAsyncCheck(name, async ct =>
        {
            try
            {
                var reply = await new Health.HealthClient(channel.Value)
                    .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(3), cancellationToken: ct);
                return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"gRPC health: {reply.Status}");
            }
            catch (Exception ex) when (ex is Grpc.Core.RpcException or HttpRequestException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        });
        return project.WithHealthCheck(name);
    }
}
