using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.Messaging.Tests;

[Collection(BrokerCollection.Name)]
public sealed class InboxTests(BrokerFixture fixture) : IAsyncLifetime
{
    private readonly string _probeDatabase = Path.Combine(Path.GetTempPath(), $"pa-probe-{Guid.NewGuid():N}.db");
    private IHost? _probe;

    public async Task InitializeAsync()
    {
        if (!fixture.Broker.IsRunning)
        {
            await fixture.Broker.StartAsync(TimeSpan.FromSeconds(60));
        }

        _probe = await ProbeService.StartAsync(fixture.ConnectionString, _probeDatabase);
    }

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

        var bus = _probe!.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        var applied = new HouseholdApplied(Guid.NewGuid(), "341522100201", DateTime.UtcNow, "Illness", [], []);
        await bus.Publish(applied, ctx => ctx.MessageId = messageId);
        await bus.Publish(applied, ctx => ctx.MessageId = messageId);

        await Eventually.WaitAsync(() => Task.FromResult(Interlocked.Read(ref duplicates)), n => n >= 1, TimeSpan.FromSeconds(30), "the duplicate to be recognised");
        var effects = await ProbeService.EffectsAsync(_probe);
        Assert.Equal([applied.HouseholdId], effects);
    }

    public async Task DisposeAsync()
    {
        if (_probe is not null)
        {
            await _probe.StopAsync();
            _probe.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_probeDatabase);
    }
}
