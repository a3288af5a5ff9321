using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Assistance.Education;

/// <summary>Why a dropout-risk case was opened; the numbers are the proto's.</summary>
public enum DropoutCaseReason
{
    NotEnrolled = 1,
    DroppedOutPerRegistry = 2,
}

/// <summary>
/// A dropout-risk case (控辍保学): a child of compulsory-education age neither enrolled nor exempt.
/// Opened and closed only by <see cref="DropoutCaseStep"/>; officers add follow-up visits.
/// </summary>
public sealed class DropoutCase
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    /// <summary>The child.</summary>
    public Guid MemberId { get; set; }

    public required string RegionCode { get; set; }

    public DropoutCaseReason Reason { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? ClosingReason { get; set; }

    /// <summary>The record that closed it, e.g. "enrolment:…", "exemption:…", "member:…".</summary>
    public string? ClosingRecord { get; set; }

    public List<DropoutVisit> Visits { get; set; } = [];

    public bool IsOpen => ClosedAt is null;

    public void Close(DateTime at, string reason, string record) => (ClosedAt, ClosingReason, ClosingRecord) = (at, reason, record);
}

/// <summary>A follow-up visit to the child's family.</summary>
public sealed class DropoutVisit
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public required string VisitedBy { get; set; }

    public DateOnly VisitedOn { get; set; }

    public required string Outcome { get; set; }

    public string NextStep { get; set; } = "";

    public DateTime RecordedAt { get; set; }
}

internal sealed class DropoutCaseConfiguration : IEntityTypeConfiguration<DropoutCase>, IEntityTypeConfiguration<DropoutVisit>
{
    public void Configure(EntityTypeBuilder<DropoutCase> e)
    {
        e.ToTable("DropoutCases");
        e.HasKey(x => x.Id);
        e.Property(x => x.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.ClosingReason).HasMaxLength(200);
        e.Property(x => x.ClosingRecord).HasMaxLength(80);
        e.Ignore(x => x.IsOpen);
        e.HasMany(x => x.Visits).WithOne().HasForeignKey(v => v.CaseId);
        e.HasIndex(x => new { x.HouseholdId, x.ClosedAt });
        e.HasIndex(x => new { x.MemberId, x.ClosedAt });
        e.HasIndex(x => new { x.RegionCode, x.ClosedAt });
    }

    public void Configure(EntityTypeBuilder<DropoutVisit> e)
    {
        e.ToTable("DropoutVisits");
        e.HasKey(x => x.Id);
        e.Property(x => x.VisitedBy).HasMaxLength(128);
        e.Property(x => x.Outcome).HasMaxLength(1000);
        e.Property(x => x.NextStep).HasMaxLength(400);
    }
}
