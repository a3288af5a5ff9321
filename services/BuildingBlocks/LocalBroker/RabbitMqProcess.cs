using System.Diagnostics;
using Platform.LocalServers;

namespace Platform.LocalBroker;

/// <summary>A private RabbitMQ node started as a child process; used by tests and benchmarks.</summary>
public sealed class RabbitMqProcess(RabbitMqNode node) : IAsyncDisposable
{
    private readonly ServerProcess _server = new("rabbitmq-server");

    public RabbitMqNode Node => node;

    public bool IsRunning => _server.IsRunning;

    /// <summary>The last lines the node wrote, for a test to show when a later step fails.</summary>
    public string RecentOutput => _server.RecentOutput;

    /// <summary>CPU time the node (the Erlang VM and its helpers) has used so far.</summary>
    public TimeSpan CpuTime => _server.CpuTime;

    /// <summary>Starts the node (installing the package if needed) and waits until it accepts AMQP connections.</summary>
    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await RabbitMqNode.EnsureInstalledAsync(Console.Error.WriteLine, cancellationToken);
        var start = new ProcessStartInfo(RabbitMqNode.ServerPath);
        foreach (var (key, value) in node.Environment())
        {
            start.Environment[key] = value;
        }

        await _server.StartAsync(start, node.IsReadyAsync, timeout, TimeSpan.FromMilliseconds(250), cancellationToken);
    }

    /// <summary>Stops the node abruptly, as an outage would; its durable data stays for a restart.</summary>
    public Task StopAsync() => _server.StopAsync();

    public async ValueTask DisposeAsync() => await StopAsync();
}
