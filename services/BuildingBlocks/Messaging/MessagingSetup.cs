using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Persistence;

namespace Platform.Messaging;

/// <summary>Consumer retry settings ("Messaging" section); after the last retry a message goes to its _error queue.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public int RetryLimit { get; set; } = 5;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Quorum queues for a clustered production broker. Off by default: on a single node, durable
    /// classic queues come back at once after a crash, while a quorum queue may refuse consumers
    /// for a while as it recovers.
    /// </summary>
    public bool QuorumQueues { get; set; }

    /// <summary>
    /// Single-active-consumer queues, each handled one message at a time, so each consumer sees one
    /// household's events in the order they were published (<see cref="OrderedDelivery"/>). On by default.
    /// A queue's single-active-consumer argument is fixed when it is declared: a broker holding the
    /// queues from before must have them deleted (they are declared again at start) when this changes.
    /// </summary>
    public bool OrderedDelivery { get; set; } = true;

    /// <summary>
    /// Most messages an inbox consumer applies in one transaction (<see cref="InboxConsumerDefinition{TConsumer}"/>).
    /// 1 by default: each message on its own, strictly in the queue's order. Above 1 a consumer takes
    /// several messages in hand at once, and two neighbouring ones can fall either side of a batch's end
    /// in the wrong order; the event-time guards keep the final state right, but a household's
    /// intermediate state can be skipped (the end-to-end two-replica test saw 5 households in 2,000).
    /// Keep it small: on SQLite a batch holds the one write lock until it commits (20,000 registrations
    /// through the bus caught up at 113 events/s with 10, 70 with 100).
    /// </summary>
    public int BatchSize { get; set; } = 1;

    /// <summary>
    /// How long a batch waits for more messages after its first one. A lone event waits this long;
    /// under a stream, a batch fills while the one before it is applied.
    /// </summary>
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How often the error queues' depths are read for the dashboard's gauge.</summary>
    public TimeSpan ErrorQueueInterval { get; set; } = TimeSpan.FromSeconds(10);
}

public static class MessagingSetup
{
    /// <summary>The connection string name of the RabbitMQ broker (an amqp:// URI).</summary>
    public const string BrokerConnectionName = Platform.Resources.ResourceNames.Broker;

    /// <summary>
    /// MassTransit on RabbitMQ with the platform's outbox relay for <typeparamref name="TContext"/> (one
    /// replica relays at a time), the inbox pruner, leased scheduled work, the operators' outbox operations,
    /// durable (or quorum) queues, retries and error queues for every consumer added by <paramref name="consumers"/>.
    /// A consumer's queue is named after it (kebab case); <paramref name="queuePrefix"/> keeps the queues of two
    /// services apart when both have a consumer of the same name (e.g. "assistance-household-registered"):
    /// services sharing a queue would compete for its messages, each seeing only some of them.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging<TContext>(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? consumers = null, string? queuePrefix = null)
        where TContext : DbContext, IMessagingDbContext, IAuditedDbContext
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<MessagingMetrics>();
        services.TryAddSingleton<ReplicaIdentity>();
        services.AddSingleton<IInterceptor, OutboxCommitInterceptor>();
        services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.LeaseTtl > o.PublishTimeout, "Outbox:LeaseTtl must exceed Outbox:PublishTimeout: a pass publishes only while its lease outlasts a publish.")
            .ValidateOnStart();
        services.AddOptions<MessagingOptions>().Bind(builder.Configuration.GetSection(MessagingOptions.Section))
            .Validate(o => o.BatchSize >= 1 && o.BatchTimeLimit > TimeSpan.Zero, "Messaging:BatchSize must be at least 1 and Messaging:BatchTimeLimit positive.")
            .Validate(o => o.ErrorQueueInterval > TimeSpan.Zero, "Messaging:ErrorQueueInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<InboxPruningOptions>().Bind(builder.Configuration.GetSection(MessagingOptions.Section));
        services.AddSingleton<OutboxRelay<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay<TContext>>());
        services.AddHostedService<PostgresOutboxWakeup<TContext>>();
        services.AddSingleton<LeasedWork<TContext>>();
        services.AddSingleton<InboxPruner<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxPruner<TContext>>());
        services.AddScoped<IOutboxOperations, OutboxOperations<TContext>>();
        var consumerQueues = new ConsumerQueues();
        services.AddSingleton(consumerQueues);
        services.AddSingleton<ErrorQueues>();
        services.AddHostedService<ErrorQueueMonitor>();
        services.AddScoped<IErrorQueueOperations, ErrorQueueOperations<TContext>>();
        services.AddHealthChecks().AddCheck<BrokerHealthCheck>(BrokerHealthCheck.Name, tags: ["ready"]);

        var retry = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        var broker = BrokerAddress.Parse(builder.Configuration.GetConnectionString(BrokerConnectionName));
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queuePrefix, includeNamespace: false));
            consumers?.Invoke(bus);
            RequireInboxBatching(services);
            bus.AddConfigureEndpointsCallback((_, queue, endpoint) =>
            {
                consumerQueues.Add(queue);
                if (retry.QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }

                if (retry.OrderedDelivery)
                {
                    OrderedDelivery.Apply(endpoint);
                }

                if (retry.RetryLimit > 0)
                {
                    endpoint.UseMessageRetry(r => r.Exponential(retry.RetryLimit, retry.RetryMinInterval, retry.RetryMaxInterval, retry.RetryMinInterval));
                }
            });
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
                {
                    h.Username(broker.User);
                    h.Password(broker.Password);
                    h.PublisherConfirmation = true;
                    if (broker.UseTls)
                    {
                        h.UseSsl(ssl => ssl.ServerName = broker.Host);
                    }
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// An inbox consumer added with a plain AddConsumer would get MassTransit's default batch (ten
    /// messages or one second) one message at a time: every event would wait a second. Refuse to start.
    /// </summary>
    private static void RequireInboxBatching(IServiceCollection services)
    {
        var unbatched = services.Select(d => d.ServiceType).Where(IsInboxConsumer)
            .Where(t => !services.Any(d => d.ServiceType == typeof(IConsumerDefinition<>).MakeGenericType(t)))
            .Select(t => t.Name).Distinct().ToList();
        if (unbatched.Count > 0)
        {
            throw new InvalidOperationException($"Inbox consumers must be added with AddInboxConsumer: {string.Join(", ", unbatched)}");
        }
    }

    private static bool IsInboxConsumer(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(InboxConsumer<,>))
            {
                return true;
            }
        }

        return false;
    }
}
