using Microsoft.EntityFrameworkCore;

namespace Platform.Persistence;

/// <summary>
/// One read or change of personal data: who, in which role and region, did what to which
/// record, when, and for what declared purpose. Written in the same SaveChanges as the change.
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public required string ActorRole { get; set; }

    public required string ActorRegion { get; set; }

    /// <summary>For example "household.create", "household.read".</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public required string Purpose { get; set; }

    public string? TraceId { get; set; }
}

/// <summary>A service database that keeps an audit trail.</summary>
public interface IAuditedDbContext
{
    DbSet<AuditRecord> AuditRecords { get; }
}

public static class AuditModel
{
    public static ModelBuilder AddAuditTrail(this ModelBuilder model)
    {
        model.Entity<AuditRecord>(e =>
        {
            e.ToTable("AuditRecords");
            e.Property(a => a.Actor).HasMaxLength(128);
            e.Property(a => a.ActorRole).HasMaxLength(32);
            e.Property(a => a.ActorRegion).HasMaxLength(12);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.EntityType).HasMaxLength(64);
            e.Property(a => a.EntityId).HasMaxLength(128);
            e.Property(a => a.Purpose).HasMaxLength(256);
            e.Property(a => a.TraceId).HasMaxLength(64);
            e.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
        });
        return model;
    }
}

public static class AuditTrail
{
    /// <summary>Adds an audit record to <paramref name="db"/>; it commits with the caller's SaveChanges.</summary>
    public static void Record(this IAuditedDbContext db, Platform.Security.Caller caller, string action, string entityType, string entityId, string purpose, DateTime at, string? traceId) =>
        db.AuditRecords.Add(new AuditRecord
        {
            At = at,
            Actor = caller.Subject,
            ActorRole = caller.Role,
            ActorRegion = caller.Region.Value,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Purpose = purpose,
            TraceId = traceId,
        });
}
