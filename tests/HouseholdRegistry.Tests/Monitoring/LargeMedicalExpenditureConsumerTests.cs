using System.Diagnostics.Metrics;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pa.Registry.V1;
using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Consumers;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Policy;
using Platform.HouseholdRegistry.Tests.Income;
using Platform.Messaging;

namespace Platform.HouseholdRegistry.Tests.Monitoring;

/// <summary>The assistance service's large-medical-expenditure event on the MassTransit test harness, against the registry's database.</summary>
public sealed class LargeMedicalExpenditureConsumerTests(RegistryFactory registry) : IClassFixture<RegistryFactory>, IAsyncLifetime
{
    private readonly MeterListener _listener = new();
    private long _duplicates;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MessagingMetrics.MeterName && instrument.Name == "pa.inbox.duplicates_ignored")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _duplicates, value));
        _listener.Start();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(registry.Clock);
        services.AddSingleton<MessagingMetrics>();
        services.AddSingleton(registry.Services.GetRequiredService<RegistryPolicy>());
        registry.AddDatabaseContext(services);
        services.AddMassTransitTestHarness(bus => bus.AddInboxConsumer<LargeMedicalExpenditureIncurredConsumer>());
        _provider = services.BuildServiceProvider(validateScopes: true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        _listener.Dispose();
    }

    /// <summary>Publishes the message <paramref name="times"/> times with one message id and waits until it was consumed and every redelivery recognised.</summary>
    private async Task DeliverAsync<T>(T message, Guid messageId, int times = 1)
        where T : class
    {
        // One delivery at a time, each waited for: two copies in one batch are merged by MassTransit before
        // the inbox sees them, and it is the inbox's recognition of a later copy that these tests are about.
        // Polled rather than awaited: the harness stops waiting for good once it has been idle, and tests are idle while they set up.
        var duplicatesBefore = Interlocked.Read(ref _duplicates);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        for (var i = 0; i < times; i++)
        {
            await _harness.Bus.Publish(message, ctx => ctx.MessageId = messageId);
            while (!_harness.Consumed.Select<T>(c => c.Context.MessageId == messageId).Any()
                || Interlocked.Read(ref _duplicates) - duplicatesBefore < i)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{typeof(T).Name} {messageId} was not consumed {times} times.");
                await Task.Delay(20);
            }
        }

        Assert.All(_harness.Consumed.Select<T>(c => c.Context.MessageId == messageId), c => Assert.Null(c.Exception));
    }

    [Fact]
    public async Task A_large_medical_expenditure_is_a_large_rigid_expenditure_trigger_recorded_once()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Exited);
        var incurred = new LargeMedicalExpenditureIncurred(Guid.Parse(household.HouseholdId), Seeded.Qilipeng, 2026, 1_200_000, 2_000_000, DateTime.UtcNow);

        await DeliverAsync(incurred, NewId.NextGuid(), times: 2);

        var history = await registry.MonitoringClient().GetMonitoringHistoryAsync(new GetMonitoringHistoryRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        var change = Assert.Single(history.Changes);
        Assert.Equal((MonitoringTrigger.LargeRigidExpenditure, MonitoringCategory.SuddenHardship, "event:LargeMedicalExpenditureIncurred"), (change.Trigger, change.Category, change.By));
        Assert.Contains("12000.00 yuan", change.Reason);
        var changed = IncomeTestKit.Parse<MonitoringCategoryChanged>(Assert.Single(await registry.OutboxBodiesAsync<MonitoringCategoryChanged>(household.HouseholdId)));
        Assert.Equal("SuddenHardship", changed.Category);
    }

    [Fact]
    public async Task An_unknown_household_is_skipped_but_the_message_is_recorded_in_the_inbox()
    {
        var messageId = NewId.NextGuid();

        await DeliverAsync(new LargeMedicalExpenditureIncurred(Guid.NewGuid(), Seeded.Qilipeng, 2026, 1_200_000, 2_000_000, DateTime.UtcNow), messageId);

        Assert.Equal(1, await registry.QueryAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId)));
    }
}
