using Microsoft.EntityFrameworkCore;

namespace Platform.Persistence;

/// <summary>
/// Base of every service's one model. Each service derives a provider-neutral context and two
/// thin provider contexts (SQLite, SQL Server) that own the two migration sets.
/// </summary>
public abstract class PlatformDbContext(DbContextOptions options) : DbContext(options), IAuditedDbContext
{
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddAuditTrail();
}
