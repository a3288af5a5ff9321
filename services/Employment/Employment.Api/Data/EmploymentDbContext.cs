using Microsoft.EntityFrameworkCore;
using Platform.Employment.Labourers;
using Platform.Messaging;
using Platform.Persistence;

namespace Platform.Employment.Data;

/// <summary>
/// The employment service's one model; the provider contexts below only carry their migration
/// sets. Each feature folder brings its own entity configurations (IEntityTypeConfiguration),
/// picked up from this assembly, and reaches its tables through <c>Set&lt;T&gt;()</c>.
/// </summary>
public abstract class EmploymentDbContext(DbContextOptions options) : PlatformDbContext(options), IMessagingDbContext
{
    public DbSet<LabourHousehold> Households => Set<LabourHousehold>();

    public DbSet<Labourer> Labourers => Set<Labourer>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<DistributedLease> Leases => Set<DistributedLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EmploymentDbContext).Assembly);
    }
}

public sealed class SqliteEmploymentDbContext(DbContextOptions<SqliteEmploymentDbContext> options) : EmploymentDbContext(options);

public sealed class SqlServerEmploymentDbContext(DbContextOptions<SqlServerEmploymentDbContext> options) : EmploymentDbContext(options);

public sealed class PostgresEmploymentDbContext(DbContextOptions<PostgresEmploymentDbContext> options) : EmploymentDbContext(options);
