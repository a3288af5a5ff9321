using MassTransit;

namespace Platform.Messaging;

/// <summary>
/// Keeps a consumer's events of one aggregate (a household) in the order the relay published them.
/// <para>
/// The relay publishes one aggregate's events one after another, so they lie in the queue in order.
/// Two things would still reorder them at the consumers: two replicas of the consuming service
/// taking the queue's messages in turn, and one replica handling several messages at once (two
/// deliveries started side by side can reach any filter, a partitioner's too, in either order: a
/// partitioner by aggregate was tried and still reordered a few events in a hundred). So every queue is
/// declared single-active-consumer (RabbitMQ hands it to one connected replica; when that replica
/// goes, another one takes over where it stopped), and that replica handles the queue's messages one at
/// a time, retries included, in the queue's order. The price: a queue's consumption does not grow
/// with replicas or cores. Inbox consumers can take their messages in batches (<see cref="MessagingOptions.BatchSize"/>,
/// 1 by default), which trades the order across a batch's end for throughput. Consumers also ignore an event older than what they hold (an operator re-driving an error
/// queue can deliver an old event late), so order is guarded where it is applied as well.
/// </para>
/// </summary>
public static class OrderedDelivery
{
    /// <summary>The aggregate an event belongs to, set by the outbox relay on every publish (for tracing and operators).</summary>
    public const string AggregateKeyHeader = "Pa-Aggregate-Key";

    /// <summary>Declares the queue single-active-consumer (RabbitMQ) and handles its messages one at a time.</summary>
    public static void Apply(IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SingleActiveConsumer = true;
        }

        endpoint.ConcurrentMessageLimit = 1;
    }
}
