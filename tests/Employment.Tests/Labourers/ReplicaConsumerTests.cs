using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Employment.Labourers;
using Platform.HouseholdReplica;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.Employment.Tests.Labourers;

/// <summary>
/// The registry's events through the service's own consumers on MassTransit's in-memory harness: the
/// replica of labourers is built from them and a redelivered message changes nothing. Event-time
/// ordering and member lists are the building block's, tested once in tests/HouseholdReplica.Tests.
/// </summary>
public sealed class ReplicaConsumerTests(ReplicaConsumerTests.Service fixture) : IClassFixture<ReplicaConsumerTests.Service>
{
    private readonly EmploymentFactory _service = fixture.Factory;

    /// <summary>One service with an in-memory bus for the class.</summary>
    public sealed class Service : IAsyncLifetime
    {
        public EmploymentFactory Factory { get; } = EmploymentFactory.WithInMemoryBus();

        public ITestHarness Harness => Factory.Services.GetRequiredService<ITestHarness>();

        public Task InitializeAsync() => Harness.Start();

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private async Task DeliverAsync<T>(T message, Guid messageId, int times = 1)
        where T : class
    {
        var harness = fixture.Harness;
        for (var i = 0; i < times; i++)
        {
            await harness.Bus.Publish(message, ctx => ctx.MessageId = messageId);
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!harness.Consumed.Select<T>(c => c.Context.MessageId == messageId).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{typeof(T).Name} {messageId} was not consumed.");
            await Task.Delay(20);
        }

        await harness.InactivityTask.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.All(harness.Consumed.Select<T>(c => c.Context.MessageId == messageId), c => Assert.Null(c.Exception));
    }

    private Task<LabourHousehold?> ReplicaAsync(Guid id) =>
        _service.QueryAsync(db => db.Households.Include(h => h.Members).AsNoTracking().FirstOrDefaultAsync(h => h.Id == id));

    private static MemberFacts Member(string relationship, string labour) =>
        new(Guid.CreateVersion7(), relationship, "Male", new DateOnly(1980, 1, 1), "Healthy", 0, labour, "Completed", "LOOKUP-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Registration_builds_labourers_with_their_capacity_and_a_redelivery_changes_nothing()
    {
        var head = Member("Head", "Normal");
        var grandparent = Member("Grandparent", "None");
        var registered = new HouseholdRegistered(Guid.CreateVersion7(), TestRegions.Village, DateTime.UtcNow, "LackOfLabour", "ProductionAndEmployment", 2027, [head, grandparent]);
        var messageId = NewId.NextGuid();

        await DeliverAsync(registered, messageId, times: 3);

        var replica = await ReplicaAsync(registered.HouseholdId);
        Assert.Equal(HouseholdStatus.Registered, replica!.Status);
        Assert.Equal([head.MemberId], replica.Members.Where(m => m.HasLabour).Select(m => m.Id));
        Assert.Equal(head.NationalIdLookup, replica.Members.Single(m => m.Id == head.MemberId).NationalIdLookup);
        Assert.Equal(1, await _service.QueryAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId)));
    }
}
