using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.HouseholdRegistry.Contracts;
using Platform.Persistence;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>One applied event as the probe service recorded it. Not unique on purpose: a double effect would show.</summary>
public sealed class AppliedEffect
{
    public long Id { get; set; }

    public Guid HouseholdId { get; set; }
}

/// <summary>A poison message that no consumer can handle.</summary>
public sealed record PoisonPill(Guid Id);

public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : PlatformDbContext(options), IMessagingDbContext
{
    public DbSet<AppliedEffect> Effects => Set<AppliedEffect>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<DistributedLease> Leases => Set<DistributedLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<AppliedEffect>().ToTable("AppliedEffects");
    }
}

/// <summary>
/// A fault a test switches on and off: while a household is blocked, its events cannot be applied,
/// as when a consumer's precondition is missing until an operator fixes it.
/// </summary>
public sealed class ProbeFaults
{
    public const string Reason = "the household is blocked by the test";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, byte> _blocked = new();

    public void Block(Guid householdId) => _blocked.TryAdd(householdId, 0);

    public void Unblock(Guid householdId) => _blocked.TryRemove(householdId, out _);

    public bool IsBlocked(Guid householdId) => _blocked.ContainsKey(householdId);
}

/// <summary>
/// Records each HouseholdApplied once, through the inbox; one whose cause is <see cref="PoisonCause"/>,
/// or whose household <see cref="ProbeFaults"/> blocks, cannot be applied.
/// </summary>
public sealed class AppliedEffectConsumer(ProbeDbContext db, TimeProvider time, MessagingMetrics metrics, ProbeFaults faults, ILogger<AppliedEffectConsumer> logger)
    : InboxConsumer<HouseholdApplied, ProbeDbContext>(db, time, metrics, logger)
{
    public const string PoisonCause = "Poison";

    protected override Task HandleAsync(HouseholdApplied message, ConsumeContext<HouseholdApplied> context)
    {
        if (message.PrimaryCause == PoisonCause)
        {
            throw new InvalidOperationException(AlwaysFailsConsumer.Reason);
        }

        if (faults.IsBlocked(message.HouseholdId))
        {
            throw new InvalidOperationException(ProbeFaults.Reason);
        }

        Db.Effects.Add(new AppliedEffect { HouseholdId = message.HouseholdId });
        return Task.CompletedTask;
    }
}

public sealed class AlwaysFailsConsumer : IConsumer<PoisonPill>
{
    public const string Reason = "this consumer always fails";

    public Task Consume(ConsumeContext<PoisonPill> context) => throw new InvalidOperationException(Reason);
}

/// <summary>A second service that consumes the registry's events, with its own database and inbox.</summary>
public static class ProbeService
{
    /// <param name="batchSize">Messaging:BatchSize of its inbox consumer (1, the default, handles one message at a time).</param>
    public static async Task<IHost> StartAsync(string brokerConnectionString, TestDatabase database, int batchSize = 1)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:broker"] = brokerConnectionString,
            ["Messaging:RetryLimit"] = "1",
            ["Messaging:RetryMinInterval"] = "00:00:00.100",
            ["Messaging:RetryMaxInterval"] = "00:00:00.200",
            ["Messaging:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:ErrorQueueInterval"] = "00:00:00.200",
        });
        builder.Services.AddSingleton<ProbeFaults>();
        builder.Services.AddDbContext<ProbeDbContext>(o => database.Configure(o));
        builder.AddPlatformMessaging<ProbeDbContext>(bus =>
        {
            bus.AddInboxConsumer<AppliedEffectConsumer>();
            bus.AddConsumer<AlwaysFailsConsumer>();
        });
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            await db.Database.EnsureCreatedAsync();
            await database.PrepareAsync(db);
        }

        await host.StartAsync();
        return host;
    }

    public static async Task<List<Guid>> EffectsAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Effects.Select(e => e.HouseholdId).ToListAsync();
    }
}
