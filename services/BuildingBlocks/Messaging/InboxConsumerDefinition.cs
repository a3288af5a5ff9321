using MassTransit;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>
/// How an <see cref="InboxConsumer{TMessage,TContext}"/> receives: in batches of up to
/// <see cref="MessagingOptions.BatchSize"/> messages, one batch at a time, each batch in the queue's
/// delivery order (MassTransit orders a batch by the broker's delivery tag).
/// <para>
/// A batch holds each of its messages until it is applied, so the endpoint must let that many in at
/// once, twice over so that the next batch fills while one is applied. <see cref="OrderedDelivery"/>
/// still declares the queue single-active-consumer; this runs after it and widens only the number
/// of messages in hand, never the number of batches applied side by side. Two neighbouring messages
/// can still fall either side of a batch's end in the wrong order (they pass the receive pipe side by
/// side); consumers ignore an event older than what they hold, so that changes nothing.
/// </para>
/// </summary>
public sealed class InboxConsumerDefinition<TConsumer>(IOptions<MessagingOptions> options) : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var o = options.Value;
        consumerConfigurator.Options<BatchOptions>(b => b.SetMessageLimit(o.BatchSize).SetTimeLimit(o.BatchTimeLimit).SetConcurrencyLimit(1));
        endpointConfigurator.ConcurrentMessageLimit = 2 * o.BatchSize;
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = 2 * o.BatchSize;
        }
    }
}

public static class InboxConsumerRegistration
{
    /// <summary>Adds an inbox consumer with its batching (<see cref="InboxConsumerDefinition{TConsumer}"/>).</summary>
    public static IConsumerRegistrationConfigurator<TConsumer> AddInboxConsumer<TConsumer>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer => bus.AddConsumer<TConsumer, InboxConsumerDefinition<TConsumer>>();
}
