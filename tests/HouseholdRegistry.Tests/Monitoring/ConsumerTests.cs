using System.Diagnostics.Metrics;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pa.Registry.V1;
using Platform.Assistance.Contracts;
using Platform.Employment.Contracts;
using Platform.HouseholdRegistry.Consumers;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Income;
using Platform.HouseholdRegistry.Policy;
using Platform.HouseholdRegistry.Tests.Income;
using Platform.Messaging;

namespace Platform.HouseholdRegistry.Tests.Monitoring;

/// <summary>
/// The registry's consumers on the MassTransit test harness, against the registry's own database:
/// every effect lands once, however often the same message is delivered.
/// </summary>
public sealed class ConsumerTests(RegistryFactory registry) : IClassFixture<RegistryFactory>, IAsyncLifetime
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
        services.AddScoped<IncomeLedger>();
        services.AddMassTransitTestHarness(bus =>
        {
            bus.AddInboxConsumer<WagesPaidConsumer>();
            bus.AddInboxConsumer<DividendPaidConsumer>();
            bus.AddInboxConsumer<MedicalExpenditureRecordedConsumer>();
            bus.AddInboxConsumer<HouseholdLostOnlyJobConsumer>();
            bus.AddInboxConsumer<GuaranteeStatusChangedConsumer>();
        });
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

    /// <summary>
    /// Publishes the message <paramref name="times"/> times with one message id and waits until it was consumed
    /// and every redelivery was recognised by the inbox (the harness lists a message id once, the inbox metric counts each duplicate).
    /// </summary>
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

    private Task<long> SeqOf(Household household) =>
        registry.QueryAsync(db => db.Households.Where(h => h.Id == Guid.Parse(household.HouseholdId)).Select(h => h.Seq).SingleAsync());

    [Fact]
    public async Task Wages_delivered_twice_are_recorded_once_and_a_resent_payment_replaces_itself()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        var paymentId = Guid.NewGuid();
        var wages = new WagesPaid(Guid.Parse(household.HouseholdId), Guid.NewGuid(), paymentId, 2025, 6, 960_000, "workshop", DateTime.UtcNow);
        var messageId = NewId.NextGuid();

        await DeliverAsync(wages, messageId, times: 2);
        await DeliverAsync(wages with { AmountFen = 990_000 }, NewId.NextGuid());

        var seq = await SeqOf(household);
        var entry = Assert.Single(await registry.QueryAsync(db => db.IncomeEntries.Where(e => e.HouseholdSeq == seq).ToListAsync()));
        Assert.Equal(("wages", "employment", paymentId.ToString(), 990_000L), (entry.Category, entry.Source, entry.SourceReference, entry.AmountFen));
        var year = await registry.QueryAsync(db => db.IncomeYears.SingleAsync(y => y.HouseholdSeq == seq));
        Assert.Equal(330_000, year.PerCapitaNetIncomeFen);
        Assert.Equal(2, (await registry.OutboxBodiesAsync<HouseholdIncomeRecorded>(household.HouseholdId)).Count);
        Assert.Equal(1, await registry.QueryAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task A_dividend_is_property_income_from_its_project()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        var dividend = new DividendPaid(Guid.Parse(household.HouseholdId), Guid.NewGuid(), Guid.NewGuid(), 2025, 45_000, DateTime.UtcNow);

        await DeliverAsync(dividend, NewId.NextGuid());

        var seq = await SeqOf(household);
        var entry = await registry.QueryAsync(db => db.IncomeEntries.SingleAsync(e => e.HouseholdSeq == seq));
        Assert.Equal(("property", "dividend", 45_000L), (entry.Category, entry.Source, entry.AmountFen));
    }

    [Fact]
    public async Task A_large_medical_expenditure_makes_the_household_a_sudden_hardship_case_once()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Exited);
        await registry.IncomeClient().RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 2_100_000), registry.VillageOfficer());
        var withinShare = new MedicalExpenditureRecorded(Guid.Parse(household.HouseholdId), Guid.NewGuid(), 2025, 1_000_000, DateTime.UtcNow);
        var overShare = withinShare with { RecordId = Guid.NewGuid(), OutOfPocketFen = 100_000 };

        await DeliverAsync(withinShare, NewId.NextGuid());
        var before = await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        var messageId = NewId.NextGuid();
        await DeliverAsync(overShare, messageId, times: 2);

        Assert.Equal(MonitoringCategory.None, before.Household.MonitoringCategory);
        var after = await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Equal(MonitoringCategory.SuddenHardship, after.Household.MonitoringCategory);
        var changed = IncomeTestKit.Parse<MonitoringCategoryChanged>(Assert.Single(await registry.OutboxBodiesAsync<MonitoringCategoryChanged>(household.HouseholdId)));
        Assert.Contains("rigid expenditure", changed.Reason);
        var seq = await SeqOf(household);
        Assert.Equal(1_100_000, await registry.QueryAsync(db => db.IncomeYears.Where(y => y.HouseholdSeq == seq).Select(y => y.RigidExpenditureFen).SingleAsync()));
    }

    [Fact]
    public async Task Losing_the_only_job_is_a_sudden_hardship_trigger_recorded_once()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Exited);
        var lost = new HouseholdLostOnlyJob(Guid.Parse(household.HouseholdId), Guid.NewGuid(), new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));

        await DeliverAsync(lost, NewId.NextGuid(), times: 2);

        var history = await registry.MonitoringClient().GetMonitoringHistoryAsync(new GetMonitoringHistoryRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        var change = Assert.Single(history.Changes);
        Assert.Equal((MonitoringTrigger.LostOnlyJob, MonitoringCategory.SuddenHardship, "event:HouseholdLostOnlyJob"), (change.Trigger, change.Category, change.By));
        Assert.Single(await registry.OutboxBodiesAsync<MonitoringCategoryChanged>(household.HouseholdId));
    }

    [Fact]
    public async Task The_newest_guarantee_status_is_kept_and_an_older_one_arriving_late_is_ignored()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        var id = Guid.Parse(household.HouseholdId);
        var newer = new GuaranteeStatusChanged(id, Seeded.Qilipeng, "Met", "Met", "NotMet", "Met", "Met", ["大病自付超过 10%"], new DateTime(2026, 5, 2, 0, 0, 0, DateTimeKind.Utc));
        var older = newer with { Medical = "Met", Reasons = [], ChangedAt = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc) };

        await DeliverAsync(newer, NewId.NextGuid(), times: 2);
        await DeliverAsync(older, NewId.NextGuid());

        var read = await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        var guarantees = read.Household.Guarantees;
        Assert.Equal((GuaranteeState.Met, GuaranteeState.NotMet), (guarantees.FoodAndClothing, guarantees.Medical));
        Assert.Equal("大病自付超过 10%", Assert.Single(guarantees.Reasons));
        Assert.Equal(newer.ChangedAt, guarantees.ChangedAt.ToDateTime());
    }

    [Fact]
    public async Task An_event_for_an_unknown_household_is_skipped_but_recorded_in_the_inbox()
    {
        var messageId = NewId.NextGuid();
        var paymentId = Guid.NewGuid();

        await DeliverAsync(new WagesPaid(Guid.NewGuid(), Guid.NewGuid(), paymentId, 2025, 1, 1_000, "public-welfare-post", DateTime.UtcNow), messageId);

        Assert.Equal(1, await registry.QueryAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId)));
        Assert.Equal(0, await registry.QueryAsync(db => db.IncomeEntries.CountAsync(e => e.SourceReference == paymentId.ToString())));
    }
}
