using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Employment.Projects;

/// <summary>产业扶贫项目类型.</summary>
public enum ProjectType
{
    Planting,
    Breeding,
    Processing,
    Photovoltaic,
    Tourism,
    ECommerce,
    Infrastructure,
}

/// <summary>Where a project is in the project library (项目库): proposed by a village, approved by the county, built, accepted, run.</summary>
public enum ProjectStatus
{
    Proposed,
    Rejected,
    Approved,
    Implementing,
    Completed,
    Operating,
    Stopped,
}

/// <summary>
/// An industry project of the project library (产业扶贫项目库). The library's workflow, funding and
/// benefit linkage live in this folder; asset shares and dividends refer to a project by its id.
/// Amounts are whole fen.
/// </summary>
public sealed class IndustryProject
{
    public Guid Id { get; set; }

    /// <summary>The proposing village (12 digits); the county is its first six.</summary>
    public required string VillageCode { get; set; }

    public required string Name { get; set; }

    public ProjectType Type { get; set; }

    public ProjectStatus Status { get; set; }

    /// <summary>The budget the county approved (0 until approved).</summary>
    public long ApprovedBudgetFen { get; set; }

    public DateTime ProposedAt { get; set; }

    public required string ProposedBy { get; set; }

    /// <summary>The current plan: the sum of <see cref="Funding"/>. A re-plan changes it.</summary>
    public long ProposedBudgetFen { get; set; }

    /// <summary>Where the money comes from; each source once.</summary>
    public List<FundingShare> Funding { get; set; } = [];

    public DateTime? ApprovedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? RejectionReason { get; set; }

    /// <summary>The latest verified construction progress, 0–100 (a concurrency token with <see cref="DisbursedFen"/>).</summary>
    public int ProgressPercent { get; set; }

    /// <summary>The sum of the project's disbursements, kept here so that two payments at once cannot both pass the limit.</summary>
    public long DisbursedFen { get; set; }

    public string? StopReason { get; set; }

    public DateTime StatusChangedAt { get; set; }

    public string CountyCode => VillageCode[..6] + "000000";

    /// <summary>
    /// A project benefits households of its own county only. With today's recorder roles the caller's
    /// region already implies it; the rule stays explicit so a wider role cannot link across counties.
    /// </summary>
    public bool InCounty(string regionCode) => regionCode.StartsWith(VillageCode[..6], StringComparison.Ordinal);
}

/// <summary>Where a project's money comes from.</summary>
public enum FundingSource
{
    CentralFiscal,
    ProvincialFiscal,
    CountyFiscal,

    /// <summary>统筹整合涉农资金.</summary>
    IntegratedAgriculturalFunds,
    SelfRaised,
    BankLoan,
    Other,
}

/// <summary>One source's part of a project's budget, in fen.</summary>
public sealed class FundingShare
{
    public FundingSource Source { get; set; }

    public long AmountFen { get; set; }
}

internal sealed class IndustryProjectConfiguration : IEntityTypeConfiguration<IndustryProject>
{
    public void Configure(EntityTypeBuilder<IndustryProject> e)
    {
        e.ToTable("IndustryProjects");
        e.HasKey(p => p.Id);
        e.Property(p => p.VillageCode).HasMaxLength(12).IsUnicode(false);
        e.Property(p => p.Name).HasMaxLength(100);
        e.Property(p => p.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.ProposedBy).HasMaxLength(128);
        e.Property(p => p.DecidedBy).HasMaxLength(128);
        e.Property(p => p.RejectionReason).HasMaxLength(400);
        e.Property(p => p.StopReason).HasMaxLength(400);
        e.Property(p => p.ProgressPercent).IsConcurrencyToken();
        e.Property(p => p.DisbursedFen).IsConcurrencyToken();
        e.OwnsMany(p => p.Funding, f =>
        {
            f.ToTable("IndustryProjectFunding");
            f.WithOwner().HasForeignKey("ProjectId");
            f.HasKey("ProjectId", nameof(FundingShare.Source));
            f.Property(s => s.Source).HasConversion<string>().HasMaxLength(32);
        });
        e.Ignore(p => p.CountyCode);
        e.HasIndex(p => p.VillageCode);
    }
}
