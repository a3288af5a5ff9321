using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Relocation.FollowUp;

/// <summary>How a zero-employment case ended.</summary>
public enum CaseOutcome
{
    /// <summary>Still open.</summary>
    Open,

    /// <summary>Someone in the family is employed.</summary>
    Employed,

    /// <summary>No member with labour capacity wishes to work any longer (registry facts or a survey changed).</summary>
    NoLabourSeekingWork,
}

/// <summary>What an officer did for a zero-employment family.</summary>
public enum CaseActionKind
{
    JobReferral = 1,
    Training = 2,
    PublicWelfarePost = 3,
}

/// <summary>
/// A follow-up case of a zero-employment family (零就业家庭): it opens by itself when the family has
/// labour seeking work and no one employed, and closes by itself when that ends. Officers assign it
/// and record actions; they cannot close it by hand.
/// </summary>
public sealed class FollowUpCase
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid SiteId { get; set; }

    /// <summary>The destination site's region: its county manages the case.</summary>
    public required string SiteRegionCode { get; set; }

    public DateTime OpenedAt { get; set; }

    public string? AssignedTo { get; set; }

    public string? AssigneeName { get; set; }

    public DateTime? AssignedAt { get; set; }

    public CaseOutcome Outcome { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>The job that closed the case, when someone was employed.</summary>
    public Guid? ClosingEmploymentId { get; set; }

    public List<CaseAction> Actions { get; set; } = [];

    public bool IsOpen => ClosedAt is null;
}

public sealed class CaseAction
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public CaseActionKind Kind { get; set; }

    public required string Details { get; set; }

    public DateOnly TakenOn { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

internal sealed class FollowUpCaseConfiguration : IEntityTypeConfiguration<FollowUpCase>, IEntityTypeConfiguration<CaseAction>
{
    public void Configure(EntityTypeBuilder<FollowUpCase> e)
    {
        e.ToTable("FollowUpCases");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).ValueGeneratedNever();
        e.Property(c => c.SiteRegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(c => c.AssignedTo).HasMaxLength(100);
        e.Property(c => c.AssigneeName).HasMaxLength(100);
        e.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(24);
        e.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.CaseId);
        e.Ignore(c => c.IsOpen);
        e.HasIndex(c => c.HouseholdId);
        e.HasIndex(c => new { c.SiteId, c.ClosedAt });
        // The cases of a region are listed by the site's region code, as a range (RegionQueries.InRegion).
        e.HasIndex(c => c.SiteRegionCode);
    }

    public void Configure(EntityTypeBuilder<CaseAction> e)
    {
        e.ToTable("CaseActions");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(a => a.Details).HasMaxLength(500);
        e.Property(a => a.RecordedBy).HasMaxLength(100);
    }
}
