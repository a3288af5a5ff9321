using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Helpers;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Identification;
using Platform.HouseholdRegistry.Income;
using Platform.HouseholdRegistry.Monitoring;
using Platform.HouseholdRegistry.Import;
using Platform.HouseholdRegistry.KeyRotation;
using Platform.HouseholdRegistry.Regions;
using Platform.HouseholdRegistry.Screening;
using Platform.HouseholdRegistry.Statistics;
using Platform.HouseholdRegistry.Verification;
using Platform.Messaging;
using Platform.Messaging.ChangeFeed;
using Platform.HouseholdRegistry.Changes;
using Platform.Persistence;

namespace Platform.HouseholdRegistry.Data;

/// <summary>The registry's one model; the provider contexts below only carry their migration sets.</summary>
public abstract class RegistryDbContext(DbContextOptions options) : PlatformDbContext(options), IChangeFeedDbContext
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseStep> CaseSteps => Set<CaseStep>();

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<Objection> Objections => Set<Objection>();
    public DbSet<AssistanceRollEntry> AssistanceRollEntries => Set<AssistanceRollEntry>();

    public DbSet<AssistanceRollBatch> AssistanceRollBatches => Set<AssistanceRollBatch>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<DistributedLease> Leases => Set<DistributedLease>();

    public DbSet<ChangeRecord> Changes => Set<ChangeRecord>();

    public ChangeSources ChangeSources => RegistryChanges.Sources;

    public DbSet<IncomeEntry> IncomeEntries => Set<IncomeEntry>();

    public DbSet<IncomeYearSummary> IncomeYears => Set<IncomeYearSummary>();

    public DbSet<MonitoringRecord> MonitoringRecords => Set<MonitoringRecord>();

    public DbSet<MonitoringHistoryEntry> MonitoringHistory => Set<MonitoringHistoryEntry>();

    public DbSet<ReentryRecord> Reentries => Set<ReentryRecord>();

    public DbSet<Helper> Helpers => Set<Helper>();

    public DbSet<HelperPairing> HelperPairings => Set<HelperPairing>();

    public DbSet<WorkTeam> WorkTeams => Set<WorkTeam>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<AssistanceMeasure> AssistanceMeasures => Set<AssistanceMeasure>();

    public DbSet<HouseholdVerification> Verifications => Set<HouseholdVerification>();

    public DbSet<RegionTally> RegionTallies => Set<RegionTally>();

    public DbSet<RegionRollup> RegionRollups => Set<RegionRollup>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<ReEncryptionProgress> ReEncryptions => Set<ReEncryptionProgress>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddChangeLog();
        modelBuilder.ApplyConfiguration(new RegionConfiguration());
        modelBuilder.ApplyConfiguration(new HouseholdConfiguration());
        modelBuilder.ApplyConfiguration(new MemberConfiguration(ActiveMemberFilter));
        modelBuilder.ApplyConfiguration(new CaseConfiguration());
        modelBuilder.ApplyConfiguration(new CaseStepConfiguration());
        modelBuilder.ApplyConfiguration(new NoticeConfiguration());
        modelBuilder.ApplyConfiguration(new ObjectionConfiguration());
        modelBuilder.ApplyConfiguration(new AssistanceRollEntryConfiguration());
        modelBuilder.ApplyConfiguration(new AssistanceRollBatchConfiguration());
        modelBuilder.ApplyConfiguration(new IncomeEntryConfiguration());
        modelBuilder.ApplyConfiguration(new IncomeYearSummaryConfiguration());
        modelBuilder.ApplyConfiguration(new MonitoringRecordConfiguration());
        modelBuilder.ApplyConfiguration(new MonitoringHistoryEntryConfiguration());
        modelBuilder.ApplyConfiguration(new ReentryRecordConfiguration());
        modelBuilder.ApplyConfiguration<Helper>(new SupportConfiguration());
        modelBuilder.ApplyConfiguration<HelperPairing>(new SupportConfiguration());
        modelBuilder.ApplyConfiguration<WorkTeam>(new SupportConfiguration());
        modelBuilder.ApplyConfiguration<Visit>(new SupportConfiguration());
        modelBuilder.ApplyConfiguration<AssistanceMeasure>(new SupportConfiguration());
        modelBuilder.ApplyConfiguration(new VerificationConfiguration());
        modelBuilder.ApplyConfiguration(new RegionTallyConfiguration());
        modelBuilder.ApplyConfiguration(new RegionRollupConfiguration());
        modelBuilder.ApplyConfiguration(new ImportBatchConfiguration());
        modelBuilder.ApplyConfiguration(new ReEncryptionProgressConfiguration());
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpHouseholdVersions();
        return RegionTallyMaintenance.SaveAsync(this, base.SaveChangesAsync, acceptAllChangesOnSuccess, async: true, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpHouseholdVersions();
        return RegionTallyMaintenance.SaveAsync(this, (accept, _) => Task.FromResult(base.SaveChanges(accept)), acceptAllChangesOnSuccess, async: false, default).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Every change of a household moves its version, so a concurrent change of the same household
    /// fails instead of overwriting. A change of its owned guarantee snapshot alone counts too: two
    /// guarantee events applied at once by two consumers would otherwise both pass the "older never
    /// replaces newer" check and the later commit would win, older or not.
    /// </summary>
    private void BumpHouseholdVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Household>().Where(e => e.State == EntityState.Modified || OwnedPartChanged(e)))
        {
            entry.Entity.Version++;
        }
    }

    private static bool OwnedPartChanged(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Household> household) =>
        household.State == EntityState.Unchanged
        && household.References.Any(r => r.Metadata.TargetEntityType.IsOwned() && r.TargetEntry is { State: EntityState.Added or EntityState.Modified or EntityState.Deleted });

    /// <summary>SQL of the filter that makes a national ID unique among active members only.</summary>
    protected abstract string ActiveMemberFilter { get; }
}

public sealed class SqliteRegistryDbContext(DbContextOptions<SqliteRegistryDbContext> options) : RegistryDbContext(options)
{
    // Written as EF writes the condition in queries ("m"."IsActive" AND ...): SQLite uses a partial
    // index only when the query repeats its condition term for term ("IsActive" = 1 never matched,
    // and every duplicate-ID check read the whole Members table).
    protected override string ActiveMemberFilter => "\"IsActive\"";
}

public sealed class SqlServerRegistryDbContext(DbContextOptions<SqlServerRegistryDbContext> options) : RegistryDbContext(options)
{
    protected override string ActiveMemberFilter => "[IsActive] = 1";
}

public sealed class PostgresRegistryDbContext(DbContextOptions<PostgresRegistryDbContext> options) : RegistryDbContext(options)
{
    protected override string ActiveMemberFilter => "\"IsActive\"";
}
