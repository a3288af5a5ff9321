using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Platform.AppHost;

/// <summary>
/// The latest snapshot of every resource instance, so the AppHost can reach one replica of a service
/// rather than Aspire's proxy, which spreads connections over the replicas: a health check must see
/// each replica, and a dashboard command runs on the replica it was started from.
/// </summary>
public sealed class ReplicaDirectory(ResourceNotificationService notifications) : BackgroundService
{
    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new();

    /// <summary>Registers the directory once per AppHost.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.TryAddSingleton<ReplicaDirectory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReplicaDirectory>(sp => sp.GetRequiredService<ReplicaDirectory>()));
    }

    /// <summary>Every instance of <paramref name="resource"/> (one per replica) with its latest snapshot.</summary>
    public IReadOnlyList<ResourceEvent> InstancesOf(IResource resource) =>
        [.. _latest.Values.Where(e => e.Resource == resource).OrderBy(e => e.ResourceId, StringComparer.Ordinal)];

    /// <summary>
    /// The address a replica itself listens on (its Kestrel URL), or null when its snapshot does not
    /// tell yet. With one replica this is the endpoint's own port; with more, each has a port of its own.
    /// </summary>
    public static Uri? AddressOf(ResourceEvent instance)
    {
        var variables = instance.Snapshot.EnvironmentVariables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        var urls = variables.GetValueOrDefault("Kestrel__Endpoints__http__Url") ?? variables.GetValueOrDefault("ASPNETCORE_URLS");
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        return first is not null && Uri.TryCreate(first.Replace("://+:", "://localhost:", StringComparison.Ordinal).Replace("://*:", "://localhost:", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri
            : null;
    }

    /// <summary>The address of the instance <paramref name="resourceId"/>, or <paramref name="fallback"/> (the endpoint, through the proxy).</summary>
    public string AddressOf(string resourceId, string fallback) =>
        notifications.TryGetCurrentState(resourceId, out var instance) && AddressOf(instance) is { } address
            ? address.ToString()
            : fallback;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                _latest[update.ResourceId] = update;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }
}
