using System.Diagnostics;
using System.Globalization;
using Platform.AppHost;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Every queue on the AppHost's private RabbitMQ node with its message count, read with rabbitmqctl
/// (the management plugin is not enabled): error queues are found by name, whichever consumer made them.
/// </summary>
public static class BrokerQueues
{
    /// <summary>The script itself: the /usr/sbin wrapper switches to the system account, whose Erlang cookie differs.</summary>
    private const string Ctl = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    public static async Task<IReadOnlyDictionary<string, long>> ListAsync(LocalRabbitMqResource broker, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Ctl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-n", broker.Node.NodeName, "-q", "list_queues", "name", "messages", "--no-table-headers" })
        {
            start.ArgumentList.Add(argument);
        }

        // The node's HOME holds its Erlang cookie, which rabbitmqctl needs to talk to it.
        foreach (var (key, value) in broker.Node.Environment())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start rabbitmqctl.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl list_queues failed ({process.ExitCode}): {await error}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 2)
            .ToDictionary(fields => fields[0], fields => long.Parse(fields[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }
}
