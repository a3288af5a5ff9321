using System.Diagnostics;

namespace Platform.LocalBroker;

/// <summary>A private RabbitMQ node started as a child process; used by tests and benchmarks.</summary>
public sealed class RabbitMqProcess : IAsyncDisposable
{
    private Process? _process;

    public RabbitMqProcess(RabbitMqNode node) => Node = node;

    public RabbitMqNode Node { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the node (installing the package if needed) and waits until it accepts AMQP connections.</summary>
    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await RabbitMqNode.EnsureInstalledAsync(Console.Error.WriteLine, cancellationToken);
        var start = new ProcessStartInfo(RabbitMqNode.ServerPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in Node.Environment())
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start rabbitmq-server.");
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited with {_process.ExitCode}:\n{string.Join('\n', log)}");
            }

            if (await Node.IsReadyAsync(cancellationToken))
            {
                return;
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"rabbitmq-server was not ready within {timeout}:\n{string.Join('\n', log)}");
    }

    /// <summary>Stops the node abruptly, as an outage would; its durable data stays for a restart.</summary>
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

    public async ValueTask DisposeAsync() => await StopAsync();

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> log, string? line)
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
