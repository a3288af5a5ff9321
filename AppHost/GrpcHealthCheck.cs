using System.Collections.Concurrent;
using System.Net;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost;

/// <summary>
/// Services speak HTTP/2 only (h2c), so the dashboard's health comes from each service's gRPC
/// health service rather than an HTTP/1 probe. SERVING means the database and broker are ready.
/// Every live replica is asked on its own port: through Aspire's proxy a check would reach one
/// replica at random and call the others healthy with it. A replica that is not serving is asked
/// why on its /health text (gRPC health has no field for a reason), so the dashboard's health
/// report names the failing check, e.g. the broker or the database and the error it gave.
/// </summary>
public static class GrpcHealthCheck
{
    public static IResourceBuilder<ProjectResource> WithGrpcHealthCheck(this IResourceBuilder<ProjectResource> project)
    {
        var resource = project.Resource;
        var name = $"{resource.Name}-grpc-health";
        ReplicaDirectory.AddTo(project.ApplicationBuilder.Services);
        project.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            name, services => new ReplicasServing(resource, services.GetRequiredService<ReplicaDirectory>()), failureStatus: null, tags: null));
        return project.WithHealthCheck(name);
    }

    /// <summary>Healthy when every replica that has not ended is running and answers SERVING.</summary>
    private sealed class ReplicasServing(IResource resource, ReplicaDirectory replicas) : IHealthCheck
    {
        /// <summary>One channel per replica address, kept across checks (a replica keeps its port while it runs).</summary>
        private static readonly ConcurrentDictionary<Uri, GrpcChannel> Channels = new();

        /// <summary>The services speak HTTP/2 without TLS (h2c), which HttpClient uses only when told to.</summary>
        private static readonly HttpClient Http = new()
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(3),
        };

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var live = replicas.InstancesOf(resource)
                .Where(i => !KnownResourceStates.TerminalStates.Contains(i.Snapshot.State?.Text))
                .ToList();
            if (live.Count == 0)
            {
                return HealthCheckResult.Unhealthy("No replica is running.");
            }

            var problems = await Task.WhenAll(live.Select(i => ProblemAsync(i, cancellationToken)));
            var failing = problems.OfType<string>().ToList();
            return failing.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(string.Join("; ", failing));
        }

        /// <summary>Why the replica is not serving, or null when it is.</summary>
        private static async Task<string?> ProblemAsync(ResourceEvent instance, CancellationToken cancellationToken)
        {
            if (instance.Snapshot.State?.Text != KnownResourceStates.Running)
            {
                return $"{instance.ResourceId} is {instance.Snapshot.State?.Text ?? "not started"}";
            }

            if (ReplicaDirectory.AddressOf(instance) is not { } address)
            {
                return $"{instance.ResourceId} has no address yet";
            }

            try
            {
                var channel = Channels.GetOrAdd(address, a => GrpcChannel.ForAddress(a));
                var reply = await new Health.HealthClient(channel)
                    .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(3), cancellationToken: cancellationToken);
                return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving
                    ? null
                    : $"{instance.ResourceId}: gRPC health {reply.Status}{await ReasonAsync(address, cancellationToken)}";
            }
            catch (Exception ex) when (ex is Grpc.Core.RpcException or HttpRequestException or InvalidOperationException)
            {
                return $"{instance.ResourceId}: {ex.Message}";
            }
        }

        /// <summary>The checks that are not healthy, from the replica's /health text, or nothing when it cannot say.</summary>
        private static async Task<string> ReasonAsync(Uri address, CancellationToken cancellationToken)
        {
            try
            {
                using var response = await Http.GetAsync(new Uri(address, "/health"), cancellationToken);
                var failing = (await response.Content.ReadAsStringAsync(cancellationToken))
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Skip(1)
                    .Where(line => !line.Contains(": Healthy", StringComparison.Ordinal));
                return $" ({string.Join("; ", failing)})";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return "";
            }
        }
    }
}
