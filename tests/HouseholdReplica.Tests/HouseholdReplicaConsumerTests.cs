using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.HouseholdRegistry.Contracts;
using Platform.Messaging;

namespace Platform.HouseholdReplica.Tests;

/// <summary>What a service hears once an event reached its replica.</summary>
public sealed class AppliedLog
{
    public List<(Guid HouseholdId, string Pathway)> Entries { get; } = [];
}

public sealed class TestRegisteredConsumer(TestDbContext db, TimeProvider time, MessagingMetrics metrics, ILogger<TestRegisteredConsumer> logger, AppliedLog log)
    : HouseholdReplicaConsumer<HouseholdRegistered, TestDbContext, TestHousehold, TestMember>(db, time, metrics, logger)
{
    protected override HouseholdReplicaWriter<TestHousehold, TestMember> NewWriter() => new TestWriter(Db);

    protected override Task AppliedAsync(TestHousehold household, HouseholdRegistered message, CancellationToken ct)
    {
        log.Entries.Add((household.Id, household.Pathway));
        return Task.CompletedTask;
    }
}

/// <summary>The consumer base on MassTransit's in-memory harness, with the platform's inbox.</summary>
public sealed class HouseholdReplicaConsumerTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private ServiceProvider _services = null!;

    private ITestHarness Harness => _services.GetRequiredService<ITestHarness>();

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MessagingMetrics>();
        services.AddSingleton<AppliedLog>();
        services.AddOptions<MessagingOptions>();
        services.AddDbContext<TestDbContext>(o => o.UseSqlite(_database.ConnectionString));
        services.AddMassTransitTestHarness(bus => bus.AddInboxConsumer<TestRegisteredConsumer>());
        _services = services.BuildServiceProvider();
        await Harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task An_event_reaches_the_replica_and_the_service_hears_of_it_once_however_often_it_is_delivered()
    {
        var registered = new HouseholdRegistered(Guid.CreateVersion7(), "341522100201", DateTime.UtcNow, "Illness", "Relocation", 2027,
            [new MemberFacts(Guid.CreateVersion7(), "Head", "Male", new DateOnly(1970, 1, 1), "Healthy", 0, "Normal", "Completed")]);
        var messageId = NewId.NextGuid();

        for (var i = 0; i < 3; i++)
        {
            await Harness.Bus.Publish(registered, ctx => ctx.MessageId = messageId);
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Harness.Consumed.Select<HouseholdRegistered>(c => c.Context.MessageId == messageId).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, "The event was not consumed.");
            await Task.Delay(20);
        }

        await Harness.InactivityTask.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.All(Harness.Consumed.Select<HouseholdRegistered>(), c => Assert.Null(c.Exception));
        Assert.Equal([(registered.HouseholdId, "Relocation")], _services.GetRequiredService<AppliedLog>().Entries);
        await using var db = _database.NewContext();
        Assert.Equal(HouseholdStatus.Registered, (await db.Households.SingleAsync()).Status);
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == messageId));
    }
}
