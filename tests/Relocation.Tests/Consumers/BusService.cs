using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.HouseholdRegistry.Contracts;
using Platform.Relocation.Contracts;
using Platform.Relocation.FollowUp;
using Platform.Relocation.Households;
using Platform.Relocation.Plans;

namespace Platform.Relocation.Tests.Consumers;

/// <summary>
/// One relocation service per test class with MassTransit's in-memory harness in place of RabbitMQ:
/// messages go through the service's own consumers (inbox, replica, follow-up), and the outbox relay
/// publishes the service's events onto the harness, where the tests read them.
/// </summary>
public sealed class BusService : IAsyncLifetime
{
    public RelocationFactory Factory { get; } = RelocationFactory.WithInMemoryBus();

    public ITestHarness Harness => Factory.Services.GetRequiredService<ITestHarness>();

    public DateTime Now => Factory.Clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => Factory.Today;

    public Task InitializeAsync() => Harness.Start();

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>
    /// Publishes the message <paramref name="times"/> times with one MessageId and waits until the service is idle
    /// (the harness lists a message id once however often it was consumed).
    /// </summary>
    public async Task<Guid> DeliverAsync<T>(T message, Guid? messageId = null, int times = 1)
        where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        for (var i = 0; i < times; i++)
        {
            await Harness.Bus.Publish(message, ctx => ctx.MessageId = id);
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Harness.Consumed.Select<T>(c => c.Context.MessageId == id).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{typeof(T).Name} {id} was not consumed.");
            await Task.Delay(20);
        }

        await Harness.InactivityTask.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.All(Harness.Consumed.Select<T>(c => c.Context.MessageId == id), c => Assert.Null(c.Exception));
        return id;
    }

    /// <summary>The service's events of one type about a household, once its outbox has relayed all of them.</summary>
    public async Task<List<T>> EventsAsync<T>(Guid householdId, Func<T, Guid> household)
        where T : class
    {
        var key = householdId.ToString();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await Factory.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.AggregateKey == key)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The outbox of {householdId} was not relayed.");
            await Task.Delay(20);
        }

        await Harness.InactivityTask.WaitAsync(TimeSpan.FromSeconds(20));
        return Harness.Published.Select<T>().Select(p => p.Context.Message).Where(m => household(m) == householdId).ToList();
    }

    public Task<List<ZeroEmploymentCaseOpened>> OpenedAsync(Guid householdId) => EventsAsync<ZeroEmploymentCaseOpened>(householdId, e => e.HouseholdId);

    public Task<List<ZeroEmploymentCaseClosed>> ClosedAsync(Guid householdId) => EventsAsync<ZeroEmploymentCaseClosed>(householdId, e => e.HouseholdId);

    public Task<RelocatedHousehold?> ReplicaAsync(Guid id) =>
        Factory.QueryAsync(db => db.Households.Include(h => h.Members).AsNoTracking().FirstOrDefaultAsync(h => h.Id == id));

    public Task<RelocationPlan> PlanAsync(Guid householdId) =>
        Factory.QueryAsync(db => db.Set<RelocationPlan>().AsNoTracking().FirstAsync(p => p.HouseholdId == householdId));

    public Task<List<FollowUpCase>> CasesAsync(Guid householdId) =>
        Factory.QueryAsync(db => db.Set<FollowUpCase>().AsNoTracking().Where(c => c.HouseholdId == householdId).OrderBy(c => c.OpenedAt).ThenBy(c => c.ClosedAt == null).ToListAsync());

    public Task<MemberJob?> JobAsync(Guid employmentId) =>
        Factory.QueryAsync(db => db.Set<MemberJob>().AsNoTracking().FirstOrDefaultAsync(j => j.EmploymentId == employmentId));

    public Task<int> InboxRowsAsync(Guid messageId) => Factory.QueryAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId));

    /// <summary>A member as the registry announces them.</summary>
    public MemberFacts Member(string relationship, int age, string labour = "Normal") =>
        new(Guid.CreateVersion7(), relationship, "Male", Factory.Today.AddYears(-age), "Healthy", 0, labour, "Completed");

    /// <summary>A registration announced at <paramref name="at"/> (default: now).</summary>
    public HouseholdRegistered Registration(IReadOnlyList<MemberFacts> members, string pathway = "Relocation", DateTime? at = null) =>
        new(Guid.CreateVersion7(), TestRegions.Village, at ?? Now, "Other", pathway, 2027, members);

    /// <summary>A household as <see cref="TestSites.SeedPlanAsync"/> needs it, for a registration delivered through the bus.</summary>
    public static TestHousehold AsTestHousehold(HouseholdRegistered registered) =>
        new(registered.HouseholdId, registered.RegionCode, registered.Members) { Registered = registered };
}
