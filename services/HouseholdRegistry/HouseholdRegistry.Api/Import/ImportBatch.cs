using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.HouseholdRegistry.Import;

/// <summary>
/// One import batch: who sent it and when, and, once finished, its result. A finished batch sent
/// again answers the stored result; an unfinished one continues where it stopped.
/// </summary>
public sealed class ImportBatch
{
    public required string BatchId { get; set; }

    public required string Source { get; set; }

    public required string Actor { get; set; }

    public required string ActorRole { get; set; }

    /// <summary>The region of the caller who started the batch; only callers covering it may continue it.</summary>
    public required string ActorRegion { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public long Received { get; set; }

    /// <summary>Households of this batch written, over every call.</summary>
    public long Imported { get; set; }

    public long Bad { get; set; }

    /// <summary>The final ImportHouseholdsResponse (protobuf JSON), bad households included.</summary>
    public string? ResultJson { get; set; }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> e)
    {
        e.ToTable("ImportBatches");
        e.HasKey(b => b.BatchId);
        e.Property(b => b.BatchId).HasMaxLength(64);
        e.Property(b => b.Source).HasMaxLength(64);
        e.Property(b => b.Actor).HasMaxLength(128);
        e.Property(b => b.ActorRole).HasMaxLength(32);
        e.Property(b => b.ActorRegion).HasMaxLength(12);
    }
}
