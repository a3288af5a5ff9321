using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.Benchmarks.EventLatency;

/// <summary>
/// A queue of its own bound to the HouseholdRegistered exchange: tells which message id carried
/// which registration (the benchmark encodes the call in registered_at), and when the broker handed
/// it out, to split the latency into relay and consumer parts.
/// </summary>
public sealed class RegisteredTap : IAsyncDisposable
{
    private const string Exchange = "Platform.HouseholdRegistry.Contracts:HouseholdRegistered";

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private RegisteredTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>Message id → (registered_at of the event, when the tap received it).</summary>
    public ConcurrentDictionary<Guid, (DateTime RegisteredAt, DateTime ReceivedAt)> Seen { get; } = new();

    public static async Task<RegisteredTap> StartAsync(string broker)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var tap = new RegisteredTap(connection, channel);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, Exchange, string.Empty);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var received = DateTime.UtcNow;
            using var envelope = JsonDocument.Parse(delivery.Body);
            var messageId = envelope.RootElement.GetProperty("messageId").GetGuid();
            var registeredAt = envelope.RootElement.GetProperty("message").GetProperty("registeredAt").GetDateTime().ToUniversalTime();
            tap.Seen.TryAdd(messageId, (registeredAt, received));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return tap;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
    }
}
