using System.Diagnostics;
using MassTransit;
using Platform.Messaging;

namespace Platform.Benchmarks.Relocation;

/// <summary>
/// Publishes the run's events on a MassTransit bus of its own against the broker, as the employment
/// service's outbox relay would (publisher confirms, a MessageId per event), in order, a window of
/// publishes in flight at a time, optionally held to a rate. Records each message's publish time
/// (UTC, the clock the service's inbox uses) by MessageId.
/// </summary>
public static class EventPublisher
{
    private const int Window = 200;

    public sealed record Published(Dictionary<Guid, DateTime> At, DateTime FirstAt, TimeSpan Elapsed);

    public static async Task<Published> PublishAsync(string brokerConnection, IReadOnlyList<object> events, int? ratePerSecond, CancellationToken ct)
    {
        var broker = BrokerAddress.Parse(brokerConnection);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
        {
            h.Username(broker.User);
            h.Password(broker.Password);
            h.PublisherConfirmation = true;
        }));
        await bus.StartAsync(ct);
        try
        {
            var at = new Dictionary<Guid, DateTime>(events.Count);
            var watch = Stopwatch.StartNew();
            var first = DateTime.UtcNow;
            var inFlight = new List<Task>(Window);
            for (var i = 0; i < events.Count; i++)
            {
                if (ratePerSecond is { } rate && i > watch.Elapsed.TotalSeconds * rate)
                {
                    await Task.Delay(TimeSpan.FromSeconds(i / (double)rate) - watch.Elapsed, ct);
                }

                var messageId = NewId.NextGuid();
                at[messageId] = DateTime.UtcNow;
                var message = events[i];
                inFlight.Add(bus.Publish(message, message.GetType(), ctx => ctx.MessageId = messageId, ct));
                if (inFlight.Count == Window)
                {
                    await Task.WhenAll(inFlight);
                    inFlight.Clear();
                }
            }

            await Task.WhenAll(inFlight);
            return new Published(at, first, watch.Elapsed);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}
