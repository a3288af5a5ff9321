using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.Messaging.Tests;

[Collection(BrokerCollection.Name)]
public sealed class InboxTests(BrokerFixture fixture) : ProbeTest(fixture)
{
    [Fact]
    public async Task A_message_delivered_twice_changes_the_consumers_state_once()
    {
        long duplicates = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MessagingMetrics.MeterName && instrument.Name == "pa.inbox.duplicates_ignored")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref duplicates, value));
        listener.Start();

        var bus = Probe.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        var applied = new HouseholdApplied(Guid.NewGuid(), "341522100201", DateTime.UtcNow, "Illness", [], []);
        await bus.Publish(applied, ctx => ctx.MessageId = messageId);
        await Eventually.WaitAsync(() => ProbeService.EffectsAsync(Probe), e => e.Count >= 1, TimeSpan.FromSeconds(30), "the first delivery applied");

        // Delivered again after it was applied, so it comes in a batch of its own: two copies in one batch
        // are already merged by MassTransit, and it is the inbox that must recognise a later one.
        await bus.Publish(applied, ctx => ctx.MessageId = messageId);

        await Eventually.WaitAsync(() => Task.FromResult(Interlocked.Read(ref duplicates)), n => n >= 1, TimeSpan.FromSeconds(30), "the duplicate to be recognised");
        var effects = await ProbeService.EffectsAsync(Probe);
        Assert.Equal([applied.HouseholdId], effects);
    }
}
