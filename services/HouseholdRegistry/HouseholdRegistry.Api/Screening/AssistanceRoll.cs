using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Screening;

/// <summary>
/// A household on a civil-affairs roll (低保 or 特困), one per roll and head of household. The head's
/// national ID is kept encrypted and found by its keyed hash, like a member's.
/// </summary>
public sealed class AssistanceRollEntry
{
    /// <summary>Internal ascending key: ties in list order and paging use it.</summary>
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public AssistanceRollKind Kind { get; set; }

    /// <summary>The county whose roll lists the household; a newer batch of that county's roll may end the entry.</summary>
    public required string CountyCode { get; set; }

    public required string VillageCode { get; set; }

    public required string HeadName { get; set; }

    public required string HeadNationalIdCipher { get; set; }

    public required string HeadNationalIdHash { get; set; }

    public int MemberCount { get; set; }

    public long PerCapitaIncomeFen { get; set; }

    public long MonthlyAllowanceFen { get; set; }

    /// <summary>Date of the first batch that listed the household since it was last ended.</summary>
    public DateOnly ListedSince { get; set; }

    /// <summary>Date of the last batch that listed the household.</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>Date of the first batch of the same roll and county that no longer listed it; null while current.</summary>
    public DateOnly? EndedOn { get; set; }

    public required string LastBatchId { get; set; }
}

/// <summary>An imported batch and its result, kept so that a resent batch repeats the result and changes nothing.</summary>
public sealed class AssistanceRollBatch
{
    public required string BatchId { get; set; }

    public AssistanceRollKind Kind { get; set; }

    public required string CountyCode { get; set; }

    public DateOnly AsOf { get; set; }

    public DateTime ImportedAt { get; set; }

    public required string ImportedBy { get; set; }

    /// <summary>The response the first upload received, as the contract's JSON.</summary>
    public required string ResultJson { get; set; }
}

internal sealed class AssistanceRollEntryConfiguration : IEntityTypeConfiguration<AssistanceRollEntry>
{
    public void Configure(EntityTypeBuilder<AssistanceRollEntry> e)
    {
        e.ToTable("AssistanceRollEntries");
        e.HasKey(r => r.Seq);
        e.HasIndex(r => r.Id).IsUnique();
        e.Property(r => r.CountyCode).HasMaxLength(12);
        e.Property(r => r.VillageCode).HasMaxLength(12);
        e.Property(r => r.HeadName).HasMaxLength(50);
        e.Property(r => r.HeadNationalIdCipher).HasMaxLength(128);
        e.Property(r => r.HeadNationalIdHash).HasMaxLength(64);
        e.Property(r => r.LastBatchId).HasMaxLength(RollRules.MaxBatchIdLength);
        e.HasIndex(r => new { r.Kind, r.HeadNationalIdHash }).IsUnique();
        e.HasIndex(r => new { r.Kind, r.CountyCode, r.EndedOn });
        e.HasIndex(r => new { r.VillageCode, r.PerCapitaIncomeFen });
    }
}

internal sealed class AssistanceRollBatchConfiguration : IEntityTypeConfiguration<AssistanceRollBatch>
{
    public void Configure(EntityTypeBuilder<AssistanceRollBatch> e)
    {
        e.ToTable("AssistanceRollBatches");
        e.HasKey(b => b.BatchId);
        e.Property(b => b.BatchId).HasMaxLength(RollRules.MaxBatchIdLength);
        e.Property(b => b.CountyCode).HasMaxLength(12);
        e.Property(b => b.ImportedBy).HasMaxLength(128);
        e.HasIndex(b => new { b.Kind, b.CountyCode, b.AsOf });
    }
}
