using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.Messaging;

/// <summary>A message moved from an error queue back to its queue.</summary>
public sealed record RedrivenMessage(string Queue, string MessageId);

/// <summary>
/// The error queues of this service's consumers on the broker, read and emptied with plain AMQP: the
/// broker's management plugin is not available here, and MassTransit has no API to move messages.
/// One connection, opened on first use and again after the broker dropped it.
/// </summary>
public sealed class ErrorQueues(ConsumerQueues queues, IConfiguration configuration) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnection? _connection;

    /// <summary>Messages waiting in each consumer queue's error queue (0 for one never created).</summary>
    public async Task<IReadOnlyDictionary<string, long>> DepthsAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        var depths = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var queue in queues.Names)
        {
            depths[queue] = await DepthAsync(connection, ConsumerQueues.ErrorQueueOf(queue), cancellationToken);
        }

        return depths;
    }

    /// <summary>
    /// Moves the messages now in <paramref name="queue"/>'s error queue back to the queue, each with its
    /// properties and headers (its message id among them, so the consumer's inbox still recognises it).
    /// Only as many as were there when it began: a message that fails again lands behind them and stays.
    /// Each is acknowledged only after the broker confirmed its publish, so none is lost; a crash in
    /// between leaves a copy in both queues, and the inbox applies it once.
    /// </summary>
    public async Task<IReadOnlyList<RedrivenMessage>> MoveBackAsync(string queue, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        var errorQueue = ConsumerQueues.ErrorQueueOf(queue);
        var waiting = await DepthAsync(connection, errorQueue, cancellationToken);
        var moved = new List<RedrivenMessage>();
        if (waiting == 0)
        {
            return moved;
        }

        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        while (moved.Count < waiting && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } message)
        {
            try
            {
                // MassTransit binds each queue to an exchange of the same name: publishing there is
                // what a first delivery did, and mandatory makes a missing binding an error.
                await channel.BasicPublishAsync(queue, "", mandatory: true, new BasicProperties(message.BasicProperties), message.Body, cancellationToken);
            }
            catch
            {
                await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
                throw;
            }

            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved.Add(new RedrivenMessage(queue, message.BasicProperties.MessageId ?? ""));
        }

        return moved;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connecting.Dispose();
    }

    /// <summary>A passive declare answers the count without creating anything; a queue that does not exist closes the channel (404).</summary>
    private static async Task<long> DepthAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            return 0;
        }
    }

    private async Task<IConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open)
        {
            return open;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true } opened)
            {
                return opened;
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            var broker = BrokerAddress.Parse(configuration.GetConnectionString(MessagingSetup.BrokerConnectionName));
            var factory = new ConnectionFactory
            {
                HostName = broker.Host,
                Port = broker.Port,
                VirtualHost = broker.VirtualHost,
                UserName = broker.User,
                Password = broker.Password,
                Ssl = new SslOption(broker.Host, enabled: broker.UseTls),
                // Reconnecting is done here, on the next call, not by a background loop.
                AutomaticRecoveryEnabled = false,
            };
            _connection = await factory.CreateConnectionAsync("error-queues", cancellationToken);
            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }
}
