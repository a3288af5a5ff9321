using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.HouseholdRegistry.Contracts;
using Platform.Security;

namespace Platform.Messaging.Tests;

/// <summary>An operator re-drives an error queue once the cause of its messages' failure is fixed.</summary>
[Collection(BrokerCollection.Name)]
public sealed class RedriveTests(BrokerFixture fixture) : ProbeTest(fixture)
{
    /// <summary>AppliedEffectConsumer's queue (kebab case, no prefix in the probe service).</summary>
    private const string Queue = "applied-effect";

    private static readonly Caller Operator = new("test-operator", "test-operator", PlatformRoles.Operator, RegionCode.Parse("340000000000"), new HashSet<string>());

    [Fact]
    public async Task A_message_that_failed_is_applied_once_after_the_fix_and_the_re_drive_even_when_it_sat_twice_in_the_error_queue_and_is_re_driven_twice()
    {
        using var gauge = new ErrorQueueGauge();
        var faults = Probe.Services.GetRequiredService<ProbeFaults>();
        var bus = Probe.Services.GetRequiredService<IBus>();
        var applied = new HouseholdApplied(Guid.NewGuid(), "341522100201", DateTime.UtcNow, "Illness", [], []);
        var messageId = NewId.NextGuid();
        faults.Block(applied.HouseholdId);

        // Two deliveries of one message (a relay re-publish after a crash): both fail and both land in the error queue.
        await bus.Publish(applied, ctx => ctx.MessageId = messageId);
        await bus.Publish(applied, ctx => ctx.MessageId = messageId);
        await Eventually.WaitAsync(() => Task.FromResult(gauge.Read(Queue)), d => d == 2, TimeSpan.FromSeconds(30), $"the gauge to show 2 messages in {Queue}_error");
        Assert.Empty(await ProbeService.EffectsAsync(Probe));

        faults.Unblock(applied.HouseholdId);
        var first = await RedriveAsync();
        Assert.Equal([new RedrivenMessage(Queue, messageId.ToString()), new RedrivenMessage(Queue, messageId.ToString())], first.Where(m => m.Queue == Queue));

        await Eventually.WaitAsync(() => ProbeService.EffectsAsync(Probe), e => e.Count >= 1, TimeSpan.FromSeconds(30), "the re-driven message applied");
        await Eventually.WaitAsync(() => Task.FromResult(gauge.Read(Queue)), d => d == 0, TimeSpan.FromSeconds(30), $"the gauge to show {Queue}_error empty");
        var second = await RedriveAsync();
        Assert.DoesNotContain(second, m => m.Queue == Queue);

        // Both copies were delivered; the inbox applied the first and recognised the second.
        await using var scope = Probe.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        Assert.Equal([applied.HouseholdId], await ProbeService.EffectsAsync(Probe));
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == messageId));
        Assert.Equal(2, await db.AuditRecords.CountAsync(a => a.Action == "error-queue.redrive" && a.EntityId == $"{Queue}/{messageId}" && a.Actor == Operator.Subject));
    }

    private async Task<IReadOnlyList<RedrivenMessage>> RedriveAsync()
    {
        await using var scope = Probe.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IErrorQueueOperations>().RedriveAsync(Operator, "test re-drive after the fix", CancellationToken.None);
    }

    /// <summary>The latest pa.consumer.error_queue_depth by queue, as the dashboard's Metrics page receives it.</summary>
    private sealed class ErrorQueueGauge : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _depths = [];

        public ErrorQueueGauge()
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MessagingMetrics.MeterName && instrument.Name == "pa.consumer.error_queue_depth")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "queue" && tag.Value is string queue)
                    {
                        _depths[queue] = value;
                    }
                }
            });
            _listener.Start();
        }

        /// <summary>The depth reported now, or null when the gauge reports none for the queue.</summary>
        public long? Read(string queue)
        {
            lock (_depths)
            {
                _depths.Clear();
                _listener.RecordObservableInstruments();
                return _depths.TryGetValue(queue, out var depth) ? depth : null;
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
