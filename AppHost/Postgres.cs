using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.LocalPostgres;
using Platform.LocalServers;

namespace Platform.AppHost;

/// <summary>Debian's PostgreSQL run as an executable resource: the postgres server process itself, on loopback.</summary>
public sealed class LocalPostgresResource(string name, PostgresCluster cluster, string command)
    : ExecutableResource(name, command, cluster.DataDirectory)
{
    public PostgresCluster Cluster => cluster;
}

/// <summary>One database on the private cluster, shown under it in the dashboard, with its connection string.</summary>
public sealed class LocalPostgresDatabaseResource(string name, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public LocalPostgresResource Parent => parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{parent.Cluster.ConnectionString(Name)}");
}

public static class Postgres
{
    public const string ResourceName = "postgres";

    /// <summary>
    /// Settings for the local cluster: enough connections for every replica's pool, and commits
    /// that do not wait for the disk (a crash of the machine may lose the last moments of a local
    /// run; the data folder is never corrupted, and production runs on a managed server).
    /// </summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["max_connections"] = "400",
        ["synchronous_commit"] = "off",
    };

    /// <summary>
    /// Debian's PostgreSQL (installed if missing) as a private cluster: data in
    /// "{dataDirectory}/postgres" (initdb on the first run, reused after), a free loopback port, no
    /// Unix socket. Healthy once it accepts connections; the databases added with
    /// <see cref="AddPlatformDatabase"/> are created as soon as it is, before anything that waits for them starts.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string dataDirectory)
    {
        Console.WriteLine("[apphost] PostgreSQL runs from Debian's postgresql as a private cluster on loopback.");
        PostgresCluster.EnsureInstalledAsync(Report).GetAwaiter().GetResult();
        var cluster = new PostgresCluster(Path.Combine(dataDirectory, "postgres"), Loopback.FreePort());
        cluster.InitializeAsync(Report).GetAwaiter().GetResult();

        var (file, arguments) = cluster.ServerCommand(Settings);
        var healthCheck = $"{ResourceName}-connect";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async ct =>
            await cluster.IsReadyAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("PostgreSQL does not accept connections yet."));

        builder.Services.AddHostedService(services => new FastShutdown(cluster, services.GetRequiredService<IHostApplicationLifetime>()));
        var server = builder.AddResource(new LocalPostgresResource(ResourceName, cluster, file))
            .WithArgs([.. arguments])
            .WithHealthCheck(healthCheck);
        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (ready, ct) =>
        {
            // Aspire runs child resources of containers only; these databases are marked running here,
            // which starts their health checks, and the services waiting for them start once those pass.
            var notifications = ready.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in builder.Resources.OfType<LocalPostgresDatabaseResource>().Where(d => d.Parent == server.Resource))
            {
                await cluster.EnsureDatabaseAsync(database.Name, ct);
                await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
            }
        });
        builder.Eventing.Subscribe<ResourceStoppedEvent>(server.Resource, async (stopped, _) =>
        {
            var notifications = stopped.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in builder.Resources.OfType<LocalPostgresDatabaseResource>().Where(d => d.Parent == server.Resource))
            {
                await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Finished, StopTimeStamp = DateTime.UtcNow });
            }
        });
        return server;
    }

    /// <summary>A database on the cluster; healthy once it exists and accepts a connection.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddPlatformDatabase(this IResourceBuilder<LocalPostgresResource> server, string name)
    {
        var cluster = server.Resource.Cluster;
        var healthCheck = $"{name}-connect";
        server.ApplicationBuilder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async ct =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(cluster.ConnectionString(name) + ";Timeout=2;Pooling=false");
                await connection.OpenAsync(ct);
                return HealthCheckResult.Healthy();
            }
            catch (NpgsqlException ex)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        });
        return server.ApplicationBuilder.AddResource(new LocalPostgresDatabaseResource(name, server.Resource))
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithHealthCheck(healthCheck);
    }

    private static void Report(string message) => Console.WriteLine($"[apphost] {message}");

    /// <summary>
    /// Asks the server for a fast shutdown (SIGINT) as soon as the AppHost begins to stop. The stop
    /// signal it would otherwise get (SIGTERM) is a smart shutdown, which waits for every client to
    /// disconnect; the services' pooled connections outlive that wait, so the server would be killed
    /// and start with crash recovery next time.
    /// </summary>
    private sealed class FastShutdown(PostgresCluster cluster, IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStopping.Register(() =>
            {
                var pidFile = Path.Combine(cluster.DataDirectory, "postmaster.pid");
                if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
                {
                    _ = Signals.Interrupt(pid);
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
