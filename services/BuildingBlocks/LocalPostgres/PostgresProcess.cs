using System.Diagnostics;
using Platform.LocalServers;

namespace Platform.LocalPostgres;

/// <summary>A private PostgreSQL cluster started as a child process; used by tests and benchmarks.</summary>
public sealed class PostgresProcess(PostgresCluster cluster) : IAsyncDisposable
{
    /// <summary>
    /// Settings for throw-away clusters: no fsync (a crash loses a test database, nothing else),
    /// enough connections for many in-memory services at once.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Disposable = new Dictionary<string, string>
    {
        ["fsync"] = "off",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
        ["max_connections"] = "500",
        ["shared_buffers"] = "64MB",
    };

    private readonly ServerProcess _server = new("postgres");

    public PostgresCluster Cluster => cluster;

    public bool IsRunning => _server.IsRunning;

    /// <summary>Initialises the cluster if needed (installing the package first), starts it and waits until it accepts connections.</summary>
    public async Task StartAsync(TimeSpan timeout, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        await PostgresCluster.EnsureInstalledAsync(Console.Error.WriteLine, cancellationToken);
        await cluster.InitializeAsync(_ => { }, cancellationToken);
        var (file, arguments) = cluster.ServerCommand(settings);
        var start = new ProcessStartInfo(file);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        await _server.StartAsync(start, cluster.IsReadyAsync, timeout, TimeSpan.FromMilliseconds(100), cancellationToken);
    }

    /// <summary>Stops the server abruptly, as an outage would; the data folder stays for a restart.</summary>
    public Task StopAsync() => _server.StopAsync();

    /// <summary>
    /// Stops the server with a fast shutdown (SIGINT: clients disconnected, children stopped), killing
    /// it after a few seconds if need be; for process-exit handlers, which cannot await.
    /// </summary>
    public void Shutdown() => _server.Interrupt(TimeSpan.FromSeconds(5));

    public async ValueTask DisposeAsync() => await StopAsync();
}
