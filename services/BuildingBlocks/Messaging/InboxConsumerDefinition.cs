using MassTransit;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>
/// How an <see cref="InboxConsumer{TMessage,TContext}"/> receives: in batches of up to
/// <see cref="MessagingOptions.BatchSize"/> messages, one batch at a time, each batch in the queue's
/// delivery order (MassTransit orders a batch by the broker's delivery tag).
/// <para>
/// With the default batch of one, messages are handled one at a time as <see cref="OrderedDelivery"/>
/// sets up, strictly in order. A larger batch holds each of its messages until it is applied, so the
/// endpoint must let that many in at once, twice over so that the next batch fills while one is
/// applied; this runs after <see cref="OrderedDelivery"/> and widens only the number of messages in
/// hand, never the number of batches applied side by side. Two neighbouring messages can then fall
/// either side of a batch's end in the wrong order (they pass the receive pipe side by side):
/// consumers ignore an event older than what they hold, so the final state holds, but an
/// intermediate one can be skipped.
/// </para>
/// </summary>
public sealed class InboxConsumerDefinition<TConsumer>(IOptions<MessagingOptions> options) : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var o = options.Value;
        consumerConfigurator.Options<BatchOptions>(b => b.SetMessageLimit(o.BatchSize).SetTimeLimit(o.BatchTimeLimit).SetConcurrencyLimit(1));
        // One at a time keeps the queue's order exactly; a batch needs its messages in hand at once.
        var inHand = o.BatchSize == 1 ? 1 : 2 * o.BatchSize;
        endpointConfigurator.ConcurrentMessageLimit = inHand;
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = Math.Max(inHand, 16);
        }
    }
}

public static class InboxConsumerRegistration
{
    /// <summary>Adds an inbox consumer with its batching (<see cref="InboxConsumerDefinition{TConsumer}"/>).</summary>
    public static IConsumerRegistrationConfigurator<TConsumer> AddInboxConsumer<TConsumer>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer => bus.AddConsumer<TConsumer, InboxConsumerDefinition<TConsumer>>();
}
