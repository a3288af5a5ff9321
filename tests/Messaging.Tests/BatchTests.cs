using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.HouseholdRegistry.Contracts;
using RabbitMQ.Client;

namespace Platform.Messaging.Tests;

/// <summary>An inbox consumer takes a stream in batches, one transaction each, without losing or doubling a message.</summary>
[Collection(BrokerCollection.Name)]
public sealed class BatchTests(BrokerFixture fixture) : ProbeTest(fixture)
{
    private const string Queue = "applied-effect";

    protected override int BatchSize => 20;

    [Fact]
    public async Task A_stream_is_applied_in_batches_once_each_and_a_poison_message_fails_alone_even_when_re_driven()
    {
        var largestBatch = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MessagingMetrics.MeterName && instrument.Name == "pa.consumer.batch_size")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => InterlockedMax(ref largestBatch, value));
        listener.Start();

        var bus = Probe.Services.GetRequiredService<IBus>();
        var messages = Enumerable.Range(0, 300)
            .Select(i => new HouseholdApplied(Guid.NewGuid(), "341522100201", DateTime.UtcNow, i == 150 ? AppliedEffectConsumer.PoisonCause : "Illness", [], []))
            .ToList();
        await Task.WhenAll(messages.Select(m => bus.Publish(m)));

        var good = messages.Where(m => m.PrimaryCause != AppliedEffectConsumer.PoisonCause).Select(m => m.HouseholdId).Order().ToList();
        var effects = await Eventually.WaitAsync(() => ProbeService.EffectsAsync(Probe), e => e.Count >= good.Count, TimeSpan.FromSeconds(60), "every good message applied");
        Assert.Equal(good, effects.Order());
        Assert.True(largestBatch > 1, $"the stream was applied one message at a time (largest batch {largestBatch})");

        // The poison message's batch went to the error queue after its retries; re-driven, it changes nothing twice.
        var factory = new ConnectionFactory { Uri = new Uri(Fixture.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        var redriven = await Eventually.WaitAsync(() => RedriveAsync(connection), n => n > 0, TimeSpan.FromSeconds(30), $"a message in {Queue}_error");
        await Eventually.WaitAsync(() => CountAsync(connection, $"{Queue}_error"), n => n >= 1, TimeSpan.FromSeconds(30), "the poison message back in the error queue");
        Assert.Equal(good, (await ProbeService.EffectsAsync(Probe)).Order());
        Assert.True(redriven >= 1);
    }

    /// <summary>Moves every message of the error queue back to the consumer's queue, as an operator re-driving it would.</summary>
    private static async Task<int> RedriveAsync(IConnection connection)
    {
        await using var channel = await connection.CreateChannelAsync();
        var moved = 0;
        try
        {
            while (await channel.BasicGetAsync($"{Queue}_error", autoAck: false) is { } message)
            {
                var properties = new BasicProperties(message.BasicProperties);
                await channel.BasicPublishAsync(string.Empty, Queue, mandatory: true, properties, message.Body);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false);
                moved++;
            }
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // The error queue does not exist yet.
        }

        return moved;
    }

    private static async Task<uint> CountAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return await channel.MessageCountAsync(queue);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
