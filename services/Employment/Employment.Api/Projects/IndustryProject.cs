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

    public string CountyCode => VillageCode[..6] + "000000";
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
        e.Ignore(p => p.CountyCode);
        e.HasIndex(p => p.VillageCode);
    }
}
