using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Relocation.Households;

namespace Platform.Relocation.Data;

/// <summary>
/// The relocation service's one model; the provider contexts below only carry their migration
/// sets. Each feature folder brings its own entity configurations (IEntityTypeConfiguration),
/// picked up from this assembly, and reaches its tables through <c>Set&lt;T&gt;()</c>.
/// </summary>
public abstract class RelocationDbContext(DbContextOptions options) : PlatformDbContext(options), IMessagingDbContext
{
    public DbSet<RelocatedHousehold> Households => Set<RelocatedHousehold>();

    public DbSet<RelocatedMember> Members => Set<RelocatedMember>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<DistributedLease> Leases => Set<DistributedLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RelocationDbContext).Assembly);
    }
}

public sealed class SqliteRelocationDbContext(DbContextOptions<SqliteRelocationDbContext> options) : RelocationDbContext(options);

public sealed class SqlServerRelocationDbContext(DbContextOptions<SqlServerRelocationDbContext> options) : RelocationDbContext(options);

public sealed class PostgresRelocationDbContext(DbContextOptions<PostgresRelocationDbContext> options) : RelocationDbContext(options);
