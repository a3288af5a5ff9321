using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Persistence;

namespace Platform.Benchmarks.Outbox;

/// <summary>A service database reduced to what the relay touches: the outbox and inbox next to the audit trail.</summary>
public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : PlatformDbContext(options), IMessagingDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<DistributedLease> Leases => Set<DistributedLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
    }
}
