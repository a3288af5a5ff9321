using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Assistance.Exchange;

/// <summary>The departments that push records (数据比对), each limited to its own kind.</summary>
public enum DepartmentKind
{
    Education,
    Health,
    Housing,
    Water,
}

/// <summary>A department batch received, keyed by kind and the department's batch id, with the report it produced.</summary>
public sealed class DepartmentBatch
{
    public DepartmentKind Kind { get; set; }

    public required string BatchId { get; set; }

    public required string SourceSystem { get; set; }

    public required string SubmittedBy { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>The report as protobuf JSON, returned again when the same batch id is sent again.</summary>
    public required string ReportJson { get; set; }
}

internal sealed class DepartmentBatchConfiguration : IEntityTypeConfiguration<DepartmentBatch>
{
    public void Configure(EntityTypeBuilder<DepartmentBatch> e)
    {
        e.ToTable("DepartmentBatches");
        e.HasKey(b => new { b.Kind, b.BatchId });
        e.Property(b => b.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(b => b.BatchId).HasMaxLength(64);
        e.Property(b => b.SourceSystem).HasMaxLength(64);
        e.Property(b => b.SubmittedBy).HasMaxLength(128);
    }
}
