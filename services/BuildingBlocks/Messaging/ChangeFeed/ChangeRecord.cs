using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging.ChangeFeed;

/// <summary>
/// One change a department can follow: written in the same SaveChanges as the change itself (beside
/// its outbox row, from the same event), kept for the retention, read in <see cref="Sequence"/> order.
/// </summary>
public sealed class ChangeRecord
{
    /// <summary>Insert order. Not the cursor: two transactions may commit in the other order than they took ids.</summary>
    public long Id { get; set; }

    /// <summary>
    /// The cursor: given after commit by the one sequencer (<see cref="ChangeSequencer{TContext}"/>), in
    /// commit-visible order, gap-free. A reader that has seen sequence n has seen every change up to n.
    /// Null until sequenced; such rows are invisible to readers.
    /// </summary>
    public long? Sequence { get; set; }

    /// <summary>The event's kind, e.g. "HouseholdRegistered".</summary>
    public required string Kind { get; set; }

    /// <summary>The 12-digit region of the record the change is about.</summary>
    public required string RegionCode { get; set; }

    /// <summary>The county (first six digits): the index county-and-below subscribers read by.</summary>
    public required string CountyCode { get; set; }

    /// <summary>The record the change is about (a household).</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The event as JSON, the same body its outbox row carries.</summary>
    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A service database that keeps a change log beside its outbox.</summary>
public interface IChangeFeedDbContext : IMessagingDbContext
{
    DbSet<ChangeRecord> Changes { get; }

    /// <summary>Which of the service's events are changes, and how to read their region and subject.</summary>
    ChangeSources ChangeSources { get; }
}

public static class ChangeFeedModel
{
    public static ModelBuilder AddChangeLog(this ModelBuilder model)
    {
        model.Entity<ChangeRecord>(e =>
        {
            e.ToTable("ChangeRecords");
            e.HasKey(c => c.Id);
            e.Property(c => c.Kind).HasMaxLength(64);
            e.Property(c => c.RegionCode).HasMaxLength(12);
            e.Property(c => c.CountyCode).HasMaxLength(6);
            // The cursor: unique, so two sequencers (a lease handed over mid-batch) can never give one number twice.
            e.HasIndex(c => c.Sequence).IsUnique();
            // County-and-below subscribers: a seek to their county's next changes, not a scan of the province's.
            e.HasIndex(c => new { c.CountyCode, c.Sequence });
            // The sequencer's queue: only the rows still waiting for a number.
            e.HasIndex(c => c.Id).HasFilter(UnsequencedFilter).HasDatabaseName("IX_ChangeRecords_Unsequenced");
            e.HasIndex(c => c.CreatedAt);
        });
        return model;
    }

    /// <summary>The partial index's condition, as every provider writes it (SQLite uses the index only when a query repeats it).</summary>
    internal const string UnsequencedFilter = "\"Sequence\" IS NULL";
}
