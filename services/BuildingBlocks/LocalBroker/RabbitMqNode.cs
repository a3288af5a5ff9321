using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RabbitMQ.Client;

namespace Platform.LocalBroker;

/// <summary>
/// Where and how a private RabbitMQ node runs: its own HOME (Erlang cookie), node name, ports on
/// loopback, and data and log folders, so it never meets a system-wide broker.
/// </summary>
public sealed record RabbitMqNode(string BaseDirectory, string NodeName, int AmqpPort, int DistributionPort)
{
    public const string ServerPath = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public static bool IsInstalled => File.Exists(ServerPath);

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{AmqpPort}/";

    /// <summary>A node with free ports and a fresh name under <paramref name="baseDirectory"/>.</summary>
    public static RabbitMqNode Create(string baseDirectory, string namePrefix = "pa")
    {
        var amqp = FreePort();
        var dist = FreePort();
        return new RabbitMqNode(baseDirectory, $"{namePrefix}-{amqp}@localhost", amqp, dist);
    }

    /// <summary>The environment rabbitmq-server reads; folders are created on the way.</summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        var home = Directory.CreateDirectory(Path.Combine(BaseDirectory, "home")).FullName;
        var mnesia = Directory.CreateDirectory(Path.Combine(BaseDirectory, "mnesia")).FullName;
        var logs = Directory.CreateDirectory(Path.Combine(BaseDirectory, "log")).FullName;
        var plugins = Path.Combine(BaseDirectory, "enabled_plugins");
        if (!File.Exists(plugins))
        {
            File.WriteAllText(plugins, "[].\n");
        }

        return new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = mnesia,
            ["RABBITMQ_LOG_BASE"] = logs,
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_PID_FILE"] = Path.Combine(BaseDirectory, "rabbitmq.pid"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins,
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            // Keep Erlang distribution on loopback too; by default it listens on every interface.
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        };
    }

    /// <summary>True once the node accepts an AMQP connection.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(ConnectionString), RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return connection.IsOpen;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Installs Debian's rabbitmq-server when it is missing (needs root), reporting each step.
    /// </summary>
    public static async Task EnsureInstalledAsync(Action<string> report, CancellationToken cancellationToken = default)
    {
        if (IsInstalled)
        {
            return;
        }

        report("rabbitmq-server is not installed: installing Debian's package (apt-get install -y rabbitmq-server)...");
        if (await RunAsync("apt-get", "install -y --no-install-recommends rabbitmq-server", report, cancellationToken) != 0)
        {
            report("apt-get install failed; refreshing the package lists (apt-get update) and trying again...");
            await RunAsync("apt-get", "update", report, cancellationToken);
            if (await RunAsync("apt-get", "install -y --no-install-recommends rabbitmq-server", report, cancellationToken) != 0)
            {
                throw new InvalidOperationException("Could not install rabbitmq-server. Install it as root: apt-get install -y rabbitmq-server");
            }
        }

        report("rabbitmq-server installed.");
    }

    private static async Task<int> RunAsync(string file, string arguments, Action<string> report, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            report((await stderr).Trim());
        }

        return process.ExitCode;
    }
}
