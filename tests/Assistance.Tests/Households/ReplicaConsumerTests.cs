using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Assistance.Contracts;
using Platform.Assistance.Households;
using Platform.HouseholdReplica;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.Assistance.Tests.Households;

/// <summary>
/// The registry's events through the service's own consumers on the MassTransit test harness: the
/// replica is built from them, a household first heard of is created, late events never undo newer
/// ones, and a redelivered message changes nothing.
/// </summary>
public sealed class ReplicaConsumerTests : IClassFixture<ReplicaConsumerTests.Service>, IAsyncLifetime
{
    private readonly AssistanceFactory _service;
    private ITestHarness _harness = null!;

    public ReplicaConsumerTests(Service fixture) => _service = fixture.Factory;

    /// <summary>One service with an in-memory bus for the class.</summary>
    public sealed class Service : IAsyncDisposable
    {
        public AssistanceFactory Factory { get; } = AssistanceFactory.WithInMemoryBus();

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    public async Task InitializeAsync()
    {
        _harness = _service.Services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task DeliverAsync<T>(T message, Guid messageId, int times = 1)
        where T : class
    {
        for (var i = 0; i < times; i++)
        {
            await _harness.Bus.Publish(message, ctx => ctx.MessageId = messageId);
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!_harness.Consumed.Select<T>(c => c.Context.MessageId == messageId).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{typeof(T).Name} {messageId} was not consumed.");
            await Task.Delay(20);
        }

        if (times > 1)
        {
            // The harness lists a message id once however often it is delivered: wait until the bus is idle.
            await _harness.InactivityTask.WaitAsync(TimeSpan.FromSeconds(20));
        }

        Assert.All(_harness.Consumed.Select<T>(c => c.Context.MessageId == messageId), c => Assert.Null(c.Exception));
    }

    private Task<AssistedHousehold?> ReplicaAsync(Guid id) =>
        _service.QueryAsync(db => db.Households.Include(h => h.Members).AsNoTracking().FirstOrDefaultAsync(h => h.Id == id));

    private static MemberFacts Member(string relationship, DateOnly birth, string schooling = "NotOfSchoolAge") =>
        new(Guid.CreateVersion7(), relationship, "Female", birth, "ChronicIllness", 0, "Weak", schooling, "LOOKUP-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Registration_builds_the_replica_without_names_or_id_numbers_and_publishes_a_first_status()
    {
        var head = Member("Head", new DateOnly(1970, 5, 1));
        var registered = new HouseholdRegistered(Guid.CreateVersion7(), "341522100201", DateTime.UtcNow, "Illness", "Education", 2027, [head]);

        await DeliverAsync(registered, NewId.NextGuid());

        var replica = await ReplicaAsync(registered.HouseholdId);
        Assert.NotNull(replica);
        Assert.Equal((HouseholdStatus.Registered, "341522100201", "Education"), (replica.Status, replica.RegionCode, replica.Pathway));
        var member = Assert.Single(replica.Members);
        Assert.Equal((HealthCondition.ChronicIllness, LabourCapacity.Weak, head.NationalIdLookup), (member.Health, member.LabourCapacity, member.NationalIdLookup));
        await WaitForPublishedAsync(registered.HouseholdId, 1);
    }

    [Fact]
    public async Task A_stream_of_registrations_taken_in_batches_assesses_every_household_once()
    {
        var registrations = Enumerable.Range(0, 60)
            .Select(i => new HouseholdRegistered(Guid.CreateVersion7(), "341522100201", DateTime.UtcNow, "Illness", "Education", 2027, [Member("Head", new DateOnly(1960 + i % 30, 5, 1))]))
            .ToList();

        await Task.WhenAll(registrations.Select(r => _harness.Bus.Publish(r)));

        foreach (var registered in registrations)
        {
            await WaitForPublishedAsync(registered.HouseholdId, 1);
        }

        var ids = registrations.Select(r => r.HouseholdId).ToList();
        Assert.Equal(ids.Count, await _service.QueryAsync(db => db.Guarantees.CountAsync(g => ids.Contains(g.HouseholdId))));
        await Task.Delay(300);
        Assert.All(ids, id => Assert.Single(_harness.Published.Select<GuaranteeStatusChanged>(p => p.Context.Message.HouseholdId == id)));
    }

    [Fact]
    public async Task A_redelivered_event_changes_nothing_and_publishes_nothing_again()
    {
        var registered = new HouseholdRegistered(Guid.CreateVersion7(), "341522100201", DateTime.UtcNow, "Illness", "Education", 2027, [Member("Head", new DateOnly(1970, 5, 1))]);
        var messageId = NewId.NextGuid();

        await DeliverAsync(registered, messageId, times: 3);

        Assert.Equal(1, await _service.QueryAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId)));
        await WaitForPublishedAsync(registered.HouseholdId, 1);
        await Task.Delay(300);
        Assert.Single(_harness.Published.Select<GuaranteeStatusChanged>(p => p.Context.Message.HouseholdId == registered.HouseholdId));
    }

    [Fact]
    public async Task An_unknown_household_is_created_by_its_first_event_and_a_late_older_event_does_not_undo_a_newer_one()
    {
        var id = Guid.CreateVersion7();
        var t0 = DateTime.UtcNow.AddDays(-10);
        var spouse = Member("Spouse", new DateOnly(1972, 1, 1));
        var head = Member("Head", new DateOnly(1970, 5, 1));

        // Members changed (newer) arrives before the registration (older).
        await DeliverAsync(new HouseholdMembersChanged(id, "341522100201", t0.AddDays(2), [head, spouse]), NewId.NextGuid());
        var early = await ReplicaAsync(id);
        Assert.Equal(HouseholdStatus.Unknown, early!.Status);
        Assert.Equal(2, early.Members.Count(m => m.IsCurrent));

        await DeliverAsync(new HouseholdRegistered(id, "341522100201", t0, "Illness", "Education", 2027, [head]), NewId.NextGuid());
        var registered = await ReplicaAsync(id);
        Assert.Equal(HouseholdStatus.Registered, registered!.Status);
        Assert.Equal(2, registered.Members.Count(m => m.IsCurrent));

        // Exit, then a re-entry; a stale exit replayed later does not flip the household back.
        var exited = new HouseholdExited(id, "341522100201", t0.AddDays(5), DateOnly.FromDateTime(t0).AddYears(5));
        await DeliverAsync(exited, NewId.NextGuid());
        Assert.Equal(HouseholdStatus.Exited, (await ReplicaAsync(id))!.Status);
        await DeliverAsync(new HouseholdReentered(id, "341522100201", t0.AddDays(7), "serious illness"), NewId.NextGuid());
        await DeliverAsync(exited, NewId.NextGuid());
        var after = await ReplicaAsync(id);
        Assert.Equal(HouseholdStatus.Registered, after!.Status);
        Assert.Equal(DateOnly.FromDateTime(t0).AddYears(5), after.SupportUntil);
    }

    [Fact]
    public async Task A_member_no_longer_listed_is_kept_as_a_former_member_and_monitoring_and_income_are_kept()
    {
        var id = Guid.CreateVersion7();
        var head = Member("Head", new DateOnly(1970, 5, 1));
        var grandparent = Member("Grandparent", new DateOnly(1940, 5, 1));
        await DeliverAsync(new HouseholdRegistered(id, "341522100201", DateTime.UtcNow.AddDays(-3), "Illness", "Education", 2027, [head, grandparent]), NewId.NextGuid());
        await DeliverAsync(new HouseholdMembersChanged(id, "341522100201", DateTime.UtcNow.AddDays(-1), [head]), NewId.NextGuid());
        await DeliverAsync(new MonitoringCategoryChanged(id, "341522100201", "None", "SuddenHardship", "flood", DateTime.UtcNow), NewId.NextGuid());
        await DeliverAsync(new HouseholdIncomeRecorded(id, "341522100201", 2025, 1_200_000, 600_000, 0, 2, DateTime.UtcNow), NewId.NextGuid());

        var replica = await ReplicaAsync(id);
        Assert.Equal([head.MemberId], replica!.Members.Where(m => m.IsCurrent).Select(m => m.Id));
        Assert.False(replica.Members.Single(m => m.Id == grandparent.MemberId).IsCurrent);
        Assert.Equal("SuddenHardship", replica.MonitoringCategory);
        var income = await _service.QueryAsync(db => db.Set<HouseholdIncomeYear>().SingleAsync(y => y.HouseholdId == id));
        Assert.Equal((2025, 1_200_000L), (income.Year, income.NetIncomeFen));
    }

    private async Task WaitForPublishedAsync(Guid householdId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_harness.Published.Select<GuaranteeStatusChanged>(p => p.Context.Message.HouseholdId == householdId).Count() < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"GuaranteeStatusChanged for {householdId} was not published {count} times.");
            await Task.Delay(20);
        }
    }
}
