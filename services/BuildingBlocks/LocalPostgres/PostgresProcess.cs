using System.Collections.Concurrent;
using System.Diagnostics;

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

    private Process? _process;

    public PostgresCluster Cluster => cluster;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Initialises the cluster if needed (installing the package first), starts it and waits until it accepts connections.</summary>
    public async Task StartAsync(TimeSpan timeout, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        await PostgresCluster.EnsureInstalledAsync(Console.Error.WriteLine, cancellationToken);
        await cluster.InitializeAsync(_ => { }, cancellationToken);
        var (file, arguments) = cluster.ServerCommand(settings);
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start postgres.");
        var log = new ConcurrentQueue<string>();
        _process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"postgres exited with {_process.ExitCode}:\n{string.Join('\n', log)}");
            }

            if (await cluster.IsReadyAsync(cancellationToken))
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"postgres was not ready within {timeout}:\n{string.Join('\n', log)}");
    }

    /// <summary>Stops the server abruptly, as an outage would; the data folder stays for a restart.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Stops the server at once, for process-exit handlers that cannot await.</summary>
    public void Kill()
    {
        try
        {
            _process?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static void Keep(ConcurrentQueue<string> log, string? line)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > 200)
        {
            log.TryDequeue(out _);
        }
    }
}
