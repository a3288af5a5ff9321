using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Employment.Projects;

/// <summary>One dynamic adjustment (动态调整) of a project: what changed, why, who, when, and the budget before and after.</summary>
public sealed class ProjectAdjustment
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public required string What { get; set; }

    public required string Why { get; set; }

    public required string AdjustedBy { get; set; }

    public DateTime AdjustedAt { get; set; }

    public long OldBudgetFen { get; set; }

    public long NewBudgetFen { get; set; }

    public ProjectStatus StatusAtAdjustment { get; set; }
}

/// <summary>A verified report of construction progress.</summary>
public sealed class ProjectProgressReport
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public int Percent { get; set; }

    public required string VerifiedBy { get; set; }

    public DateOnly VerifiedOn { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>A completion acceptance inspection (竣工验收).</summary>
public sealed class ProjectAcceptance
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public bool Passed { get; set; }

    public required string Inspector { get; set; }

    public DateOnly InspectedOn { get; set; }

    public string Findings { get; set; } = "";

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>A payment by reimbursement (报账) against verified progress.</summary>
public sealed class ProjectDisbursement
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public long AmountFen { get; set; }

    public int ProgressPercent { get; set; }

    public required string Voucher { get; set; }

    public required string DisbursedBy { get; set; }

    public DateTime DisbursedAt { get; set; }
}

/// <summary>How a project benefits a household (利益联结).</summary>
public enum BenefitKind
{
    Wage,
    PurchaseOrder,
    LandRent,

    /// <summary>Dividends from quantified shares (资产收益, 折股量化).</summary>
    Dividend,
    Subsidy,
}

/// <summary>A household a project benefits, by one kind of benefit, with the amount a year.</summary>
public sealed class ProjectBenefitLink
{
    public Guid ProjectId { get; set; }

    public Guid HouseholdId { get; set; }

    public BenefitKind Kind { get; set; }

    public required string HouseholdRegionCode { get; set; }

    public long AmountPerYearFen { get; set; }

    public required string LinkedBy { get; set; }

    public DateTime LinkedAt { get; set; }
}

internal sealed class ProjectRecordsConfiguration :
    IEntityTypeConfiguration<ProjectAdjustment>, IEntityTypeConfiguration<ProjectProgressReport>, IEntityTypeConfiguration<ProjectAcceptance>,
    IEntityTypeConfiguration<ProjectDisbursement>, IEntityTypeConfiguration<ProjectBenefitLink>
{
    public void Configure(EntityTypeBuilder<ProjectAdjustment> e)
    {
        e.ToTable("IndustryProjectAdjustments");
        e.HasKey(a => a.Id);
        e.Property(a => a.What).HasMaxLength(200);
        e.Property(a => a.Why).HasMaxLength(400);
        e.Property(a => a.AdjustedBy).HasMaxLength(128);
        e.Property(a => a.StatusAtAdjustment).HasConversion<string>().HasMaxLength(16);
        e.HasOne<IndustryProject>().WithMany().HasForeignKey(a => a.ProjectId);
    }

    public void Configure(EntityTypeBuilder<ProjectProgressReport> e)
    {
        e.ToTable("IndustryProjectProgress");
        e.HasKey(r => r.Id);
        e.Property(r => r.VerifiedBy).HasMaxLength(64);
        e.Property(r => r.RecordedBy).HasMaxLength(128);
        e.HasOne<IndustryProject>().WithMany().HasForeignKey(r => r.ProjectId);
    }

    public void Configure(EntityTypeBuilder<ProjectAcceptance> e)
    {
        e.ToTable("IndustryProjectAcceptances");
        e.HasKey(a => a.Id);
        e.Property(a => a.Inspector).HasMaxLength(64);
        e.Property(a => a.Findings).HasMaxLength(400);
        e.Property(a => a.RecordedBy).HasMaxLength(128);
        e.HasOne<IndustryProject>().WithMany().HasForeignKey(a => a.ProjectId);
    }

    public void Configure(EntityTypeBuilder<ProjectDisbursement> e)
    {
        e.ToTable("IndustryProjectDisbursements");
        e.HasKey(d => d.Id);
        e.Property(d => d.Voucher).HasMaxLength(64);
        e.Property(d => d.DisbursedBy).HasMaxLength(128);
        e.HasOne<IndustryProject>().WithMany().HasForeignKey(d => d.ProjectId);
    }

    public void Configure(EntityTypeBuilder<ProjectBenefitLink> e)
    {
        e.ToTable("IndustryProjectBenefitLinks");
        e.HasKey(l => new { l.ProjectId, l.HouseholdId, l.Kind });
        e.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(l => l.HouseholdRegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(l => l.LinkedBy).HasMaxLength(128);
        e.HasOne<IndustryProject>().WithMany().HasForeignKey(l => l.ProjectId);
        e.HasIndex(l => l.HouseholdId);
    }
}
