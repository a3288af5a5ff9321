using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Import;
using Platform.HouseholdRegistry.Regions;
using Platform.Messaging;
using Platform.Persistence;

namespace Platform.HouseholdRegistry.Data;

/// <summary>The registry's one model; the provider contexts below only carry their migration sets.</summary>
public abstract class RegistryDbContext(DbContextOptions options) : PlatformDbContext(options), IMessagingDbContext
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfiguration(new RegionConfiguration());
        modelBuilder.ApplyConfiguration(new HouseholdConfiguration());
        modelBuilder.ApplyConfiguration(new MemberConfiguration(ActiveMemberFilter));
        modelBuilder.ApplyConfiguration(new ImportBatchConfiguration());
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpHouseholdVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpHouseholdVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Every change of a household moves its version, so a concurrent change of the same household fails instead of overwriting.</summary>
    private void BumpHouseholdVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Household>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
        }
    }

    /// <summary>SQL of the filter that makes a national ID unique among active members only.</summary>
    protected abstract string ActiveMemberFilter { get; }
}

public sealed class SqliteRegistryDbContext(DbContextOptions<SqliteRegistryDbContext> options) : RegistryDbContext(options)
{
    protected override string ActiveMemberFilter => "\"IsActive\" = 1";
}

public sealed class SqlServerRegistryDbContext(DbContextOptions<SqlServerRegistryDbContext> options) : RegistryDbContext(options)
{
    protected override string ActiveMemberFilter => "[IsActive] = 1";
}
