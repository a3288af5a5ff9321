using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pa.Registry.V1;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Monitoring;

/// <summary>What risk elimination needs to know about a household's income over time.</summary>
public sealed class MonitoringRecord
{
    public long HouseholdSeq { get; set; }

    /// <summary>
    /// When the current unbroken run of income records at or above the monitoring band began;
    /// null while the latest record is below it. Yearly income has no monthly detail, so the run
    /// is measured from the record that first showed the household above the band.
    /// </summary>
    public DateTime? IncomeAboveBandSince { get; set; }
}

/// <summary>One trigger applied to a household's monitoring category, kept for the history (from, to, why, who).</summary>
public sealed class MonitoringHistoryEntry
{
    public long Id { get; set; }

    public long HouseholdSeq { get; set; }

    /// <summary>Set when the household is new in the same SaveChanges (filed for monitoring), so its key is filled in on insert.</summary>
    public Household? Household { get; set; }

    public MonitoringCategory PreviousCategory { get; set; }

    public MonitoringCategory Category { get; set; }

    public MonitoringTrigger Trigger { get; set; }

    public required string Reason { get; set; }

    public long? AmountFen { get; set; }

    public DateTime At { get; set; }

    public required string By { get; set; }
}

/// <summary>An exit that was undone by re-entry (返贫入列): the exit facts the household record no longer carries.</summary>
public sealed class ReentryRecord
{
    public long Id { get; set; }

    public long HouseholdSeq { get; set; }

    public DateTime? ExitedAt { get; set; }

    public DateOnly? SupportUntil { get; set; }

    public DateTime ReenteredAt { get; set; }

    public required string Reason { get; set; }

    public required string By { get; set; }
}

internal sealed class MonitoringRecordConfiguration : IEntityTypeConfiguration<MonitoringRecord>
{
    public void Configure(EntityTypeBuilder<MonitoringRecord> e)
    {
        e.ToTable("MonitoringRecords");
        e.HasKey(x => x.HouseholdSeq);
        e.HasOne<Household>().WithOne().HasForeignKey<MonitoringRecord>(x => x.HouseholdSeq).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MonitoringHistoryEntryConfiguration : IEntityTypeConfiguration<MonitoringHistoryEntry>
{
    public void Configure(EntityTypeBuilder<MonitoringHistoryEntry> e)
    {
        e.ToTable("MonitoringHistory");
        e.HasKey(x => x.Id);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.By).HasMaxLength(128);
        e.HasIndex(x => new { x.HouseholdSeq, x.Id });
        e.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdSeq).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReentryRecordConfiguration : IEntityTypeConfiguration<ReentryRecord>
{
    public void Configure(EntityTypeBuilder<ReentryRecord> e)
    {
        e.ToTable("Reentries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.By).HasMaxLength(128);
        e.HasIndex(x => x.HouseholdSeq);
        e.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdSeq).OnDelete(DeleteBehavior.Cascade);
    }
}
