using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.LocalServers;

/// <summary>
/// A server run as a child process until it is stopped: started, then polled until it is ready;
/// the last lines of its output are kept for the error when it exits or is not ready in time.
/// </summary>
public sealed class ServerProcess(string name) : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly ConcurrentQueue<string> _log = new();
    private Process? _process;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>CPU time the server and its child processes have used so far (zero when not running).</summary>
    public TimeSpan CpuTime => _process is { HasExited: false } process ? ProcessTreeCpu.Measure(process.Id) : TimeSpan.Zero;

    /// <summary>The last lines the server wrote (stdout and stderr), for a test to show when a later step fails.</summary>
    public string RecentOutput => string.Join('\n', _log);

    /// <summary>Starts <paramref name="start"/> and waits until <paramref name="isReady"/> answers true, polling every <paramref name="poll"/>.</summary>
    public async Task StartAsync(ProcessStartInfo start, Func<CancellationToken, Task<bool>> isReady, TimeSpan timeout, TimeSpan poll, CancellationToken cancellationToken = default)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        var log = _log;
        _process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {_process.ExitCode}:\n{string.Join('\n', log)}");
            }

            if (await isReady(cancellationToken))
            {
                return;
            }

            await Task.Delay(poll, cancellationToken);
        }

        throw new TimeoutException($"{name} was not ready within {timeout}:\n{string.Join('\n', log)}");
    }

    /// <summary>Stops the server abruptly, as an outage would; its data stays for a restart.</summary>
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

    /// <summary>
    /// Asks the server to shut down with SIGINT and waits up to <paramref name="grace"/> for it; kills the
    /// process tree if it is still there. A SIGKILL of the main process alone can leave its children
    /// running (a stray PostgreSQL checkpointer outlived one test run that way).
    /// </summary>
    public void Interrupt(TimeSpan grace)
    {
        try
        {
            if (_process is { HasExited: false } process && Signals.Interrupt(process.Id) && process.WaitForExit(grace))
            {
                return;
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        Kill();
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
        while (log.Count > KeptLines)
        {
            log.TryDequeue(out _);
        }
    }
}
