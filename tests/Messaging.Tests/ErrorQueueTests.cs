using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.HouseholdRegistry.Contracts;
using RabbitMQ.Client;

namespace Platform.Messaging.Tests;

[Collection(BrokerCollection.Name)]
public sealed class ErrorQueueTests(BrokerFixture fixture) : ProbeTest(fixture)
{
    [Fact]
    public async Task A_consumer_that_always_throws_sends_its_message_to_the_error_queue_and_later_messages_still_flow()
    {
        var bus = Probe.Services.GetRequiredService<IBus>();
        var poison = new PoisonPill(Guid.NewGuid());
        await bus.Publish(poison);
        var later = Enumerable.Range(0, 5).Select(_ => new HouseholdApplied(Guid.NewGuid(), "341522100201", DateTime.UtcNow, "Illness", [], [])).ToList();
        foreach (var message in later)
        {
            await bus.Publish(message);
        }

        var effects = await Eventually.WaitAsync(() => ProbeService.EffectsAsync(Probe), e => e.Count >= 5, TimeSpan.FromSeconds(30), "the later messages");
        Assert.Equal(later.Select(m => m.HouseholdId).Order(), effects.Order());

        var factory = new ConnectionFactory { Uri = new Uri(Fixture.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        var faulted = await Eventually.WaitAsync(() => GetAsync(connection, "always-fails_error"), m => m is not null, TimeSpan.FromSeconds(30), "a message in always-fails_error");

        var reason = Encoding.UTF8.GetString((byte[])faulted!.BasicProperties.Headers!["MT-Fault-Message"]!);
        Assert.Equal(AlwaysFailsConsumer.Reason, reason);
        Assert.Contains(poison.Id.ToString(), Encoding.UTF8.GetString(faulted.Body.Span), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>One message from the queue, or null while the queue is empty or not yet created.</summary>
    private static async Task<BasicGetResult?> GetAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return await channel.BasicGetAsync(queue, autoAck: true);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }
}
