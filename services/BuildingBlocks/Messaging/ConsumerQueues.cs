using System.Collections.Concurrent;

namespace Platform.Messaging;

/// <summary>
/// The receive queues this service's consumers listen on, recorded as MassTransit configures their
/// endpoints: the names depend on the service's queue prefix and consumer names, and the error
/// queues an operator watches and re-drives are "&lt;queue&gt;_error" beside them.
/// </summary>
public sealed class ConsumerQueues
{
    private readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Names => [.. _names.Keys.Order(StringComparer.Ordinal)];

    public void Add(string queue) => _names.TryAdd(queue, 0);

    /// <summary>MassTransit 8 moves a message that failed its last retry to this queue.</summary>
    public static string ErrorQueueOf(string queue) => queue + "_error";
}
