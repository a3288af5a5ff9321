using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.LocalBroker;
using Platform.LocalServers;
using Platform.Resources;

namespace Platform.AppHost;

/// <summary>Debian's rabbitmq-server run as an executable resource, with an amqp:// connection string.</summary>
public sealed class LocalRabbitMqResource(string name, RabbitMqNode node)
    : ExecutableResource(name, RabbitMqNode.ServerPath, node.BaseDirectory), IResourceWithConnectionString
{
    public RabbitMqNode Node => node;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{node.ConnectionString}");
}

public static class Broker
{
    /// <summary>
    /// The broker every service references: a RabbitMQ container when a container runtime is
    /// healthy, otherwise Debian's rabbitmq-server (installed if missing) as a private node on
    /// loopback with its data under the data folder. "Broker:Mode" = Auto | Container | Local.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddPlatformBroker(this IDistributedApplicationBuilder builder, string dataDirectory)
    {
        var mode = builder.Configuration["Broker:Mode"] ?? "Auto";
        if (mode == "Container" || (mode == "Auto" && ContainerRuntimeIsHealthy()))
        {
            Console.WriteLine("[apphost] A container runtime is healthy: RabbitMQ runs as a container.");
            return builder.AddRabbitMQ(ResourceNames.Broker).WithHealing();
        }

        Console.WriteLine("[apphost] No healthy container runtime: RabbitMQ runs from Debian's rabbitmq-server on loopback.");
        RabbitMqNode.EnsureInstalledAsync(message => Console.WriteLine($"[apphost] {message}")).GetAwaiter().GetResult();

        // The node name is stable per data folder (its queues survive restarts) and differs between
        // folders, so a test run and a developer's run can share the machine.
        var folderHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDirectory)))[..8].ToLowerInvariant();
        var node = new RabbitMqNode(Path.Combine(dataDirectory, "rabbitmq"), $"pa-broker-{folderHash}@localhost", Loopback.FreePort(), Loopback.FreePort());
        var healthCheck = $"{ResourceNames.Broker}-amqp";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async ct =>
            await node.IsReadyAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("RabbitMQ does not accept AMQP connections yet."));

        return builder.AddResource(new LocalRabbitMqResource(ResourceNames.Broker, node))
            .WithEnvironment(context =>
            {
                foreach (var (key, value) in node.Environment())
                {
                    context.EnvironmentVariables[key] = value;
                }

                // The script then execs the Erlang VM instead of staying as a shell that forwards
                // signals: the resource's process is the broker itself, so a stop (or a kill after a
                // stop that took too long) ends the broker, and a restart finds its ports free.
                context.EnvironmentVariables["RUNNING_UNDER_SYSTEMD"] = "true";
            })
            .WithHealthCheck(healthCheck)
            .WithHealing();
    }

    /// <summary>True when "docker info" (or "podman info") answers within a few seconds.</summary>
    private static bool ContainerRuntimeIsHealthy()
    {
        foreach (var runtime in new[] { "docker", "podman" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(runtime, "info --format {{.ID}}")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                });
                if (process is null)
                {
                    continue;
                }

                if (process.WaitForExit(TimeSpan.FromSeconds(5)) && process.ExitCode == 0)
                {
                    return true;
                }

                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed.
            }
        }

        return false;
    }
}
