using Platform.LocalServers;
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
        var amqp = Loopback.FreePort();
        var dist = Loopback.FreePort();
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

    /// <summary>Installs Debian's rabbitmq-server when it is missing (needs root), reporting each step.</summary>
    public static Task EnsureInstalledAsync(Action<string> report, CancellationToken cancellationToken = default) =>
        DebianPackage.EnsureInstalledAsync("rabbitmq-server", IsInstalled, report, cancellationToken);
}
