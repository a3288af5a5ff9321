using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Households;
using Platform.Assistance.Housing;
using Platform.Assistance.Changes;
using Platform.Messaging;
using Platform.Messaging.ChangeFeed;
using Platform.Persistence;

namespace Platform.Assistance.Data;

/// <summary>
/// The assistance service's one model; the provider contexts below only carry their migration
/// sets. Each feature folder brings its own entity configurations (IEntityTypeConfiguration),
/// picked up from this assembly, and reaches its tables through <c>Set&lt;T&gt;()</c>.
/// </summary>
public abstract class AssistanceDbContext(DbContextOptions options) : PlatformDbContext(options), IChangeFeedDbContext
{
    public DbSet<AssistedHousehold> Households => Set<AssistedHousehold>();

    public DbSet<AssistedMember> Members => Set<AssistedMember>();

    public DbSet<HouseholdGuarantees> Guarantees => Set<HouseholdGuarantees>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<DistributedLease> Leases => Set<DistributedLease>();

    public DbSet<ChangeRecord> Changes => Set<ChangeRecord>();

    public ChangeSources ChangeSources => GuaranteeChangeGrpcService.Sources;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddChangeLog();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AssistanceDbContext).Assembly);
        modelBuilder.ApplyConfiguration(new OpenRenovationIndex(OpenRenovationFilter));
    }

    /// <summary>SQL of the filter that keeps a renovation project in the one-open-per-household index while it is neither accepted nor cancelled.</summary>
    protected abstract string OpenRenovationFilter { get; }
}

public sealed class SqliteAssistanceDbContext(DbContextOptions<SqliteAssistanceDbContext> options) : AssistanceDbContext(options)
{
    protected override string OpenRenovationFilter => "\"Status\" <> 'Accepted' AND \"Status\" <> 'Cancelled'";
}

public sealed class SqlServerAssistanceDbContext(DbContextOptions<SqlServerAssistanceDbContext> options) : AssistanceDbContext(options)
{
    // A filtered index takes no NOT IN on SQL Server, hence two comparisons on every provider.
    protected override string OpenRenovationFilter => "[Status] <> N'Accepted' AND [Status] <> N'Cancelled'";
}

public sealed class PostgresAssistanceDbContext(DbContextOptions<PostgresAssistanceDbContext> options) : AssistanceDbContext(options)
{
    protected override string OpenRenovationFilter => "\"Status\" <> 'Accepted' AND \"Status\" <> 'Cancelled'";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // PostgreSQL quotes names with double quotes only; the shared model's filter is written for SQL Server and SQLite.
        modelBuilder.Entity<Housing.HouseAppraisal>().HasIndex(a => a.RecordKey).HasFilter("\"RecordKey\" IS NOT NULL");
    }
}
