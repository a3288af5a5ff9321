using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Relocation.Sites;

/// <summary>How a site resettles households: centralised in a town, centralised at an industrial park, or dispersed (分散安置).</summary>
public enum SiteType
{
    CentralisedTown = 1,
    CentralisedIndustrialPark = 2,
    Dispersed = 3,
}

/// <summary>
/// A resettlement site (安置点) in a region; it belongs to the county that region lies in, and only
/// that county's officers manage it and the follow-up of the families living there.
/// </summary>
public sealed class Site
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string RegionCode { get; set; }

    public SiteType Type { get; set; }

    public int CapacityHouseholds { get; set; }

    public int CapacityPeople { get; set; }

    /// <summary>Public services present at or serving the site (配套公共服务).</summary>
    public PublicServices Services { get; set; } = new();

    /// <summary>The officer a new follow-up case at this site is assigned to, when one is named.</summary>
    public string? CaseOfficerSubject { get; set; }

    public string? CaseOfficerName { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public List<HousingUnit> Units { get; set; } = [];

    public List<SiteIndustry> Industries { get; set; } = [];
}

/// <summary>The four public services a site is expected to have.</summary>
public sealed class PublicServices
{
    public bool School { get; set; }

    public bool Clinic { get; set; }

    public bool CommunityServiceCentre { get; set; }

    public bool EmploymentServiceStation { get; set; }
}

/// <summary>A dwelling at a site; it holds at most one household (HouseholdId is unique).</summary>
public sealed class HousingUnit
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    /// <summary>The unit's number at the site (building-unit-room), unique per site.</summary>
    public required string Number { get; set; }

    public decimal AreaSqm { get; set; }

    /// <summary>The household planned into or living in the unit.</summary>
    public Guid? HouseholdId { get; set; }
}

/// <summary>A leading industry of a site (后续产业), e.g. a garment workshop or a tea base.</summary>
public sealed class SiteIndustry
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public required string Name { get; set; }

    public DateTime AddedAt { get; set; }
}

/// <summary>A relocated household that benefits from (is linked to, 带动) a site's industry.</summary>
public sealed class IndustryLink
{
    public Guid IndustryId { get; set; }

    public Guid HouseholdId { get; set; }

    public DateTime LinkedAt { get; set; }

    public required string LinkedBy { get; set; }
}

internal sealed class SiteConfiguration :
    IEntityTypeConfiguration<Site>, IEntityTypeConfiguration<HousingUnit>, IEntityTypeConfiguration<SiteIndustry>, IEntityTypeConfiguration<IndustryLink>
{
    public void Configure(EntityTypeBuilder<Site> e)
    {
        e.ToTable("Sites");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.Name).HasMaxLength(100);
        e.Property(s => s.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(s => s.Type).HasConversion<string>().HasMaxLength(32);
        e.Property(s => s.CaseOfficerSubject).HasMaxLength(100);
        e.Property(s => s.CaseOfficerName).HasMaxLength(100);
        e.Property(s => s.CreatedBy).HasMaxLength(100);
        e.ComplexProperty(s => s.Services);
        e.HasMany(s => s.Units).WithOne().HasForeignKey(u => u.SiteId);
        e.HasMany(s => s.Industries).WithOne().HasForeignKey(i => i.SiteId);
        e.HasIndex(s => s.RegionCode);
    }

    public void Configure(EntityTypeBuilder<HousingUnit> e)
    {
        e.ToTable("HousingUnits");
        e.HasKey(u => u.Id);
        e.Property(u => u.Id).ValueGeneratedNever();
        e.Property(u => u.Number).HasMaxLength(40);
        e.Property(u => u.AreaSqm).HasPrecision(7, 2);
        e.HasIndex(u => new { u.SiteId, u.Number }).IsUnique();
        e.HasIndex(u => u.HouseholdId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SiteIndustry> e)
    {
        e.ToTable("SiteIndustries");
        e.HasKey(i => i.Id);
        e.Property(i => i.Id).ValueGeneratedNever();
        e.Property(i => i.Name).HasMaxLength(100);
        e.HasIndex(i => new { i.SiteId, i.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<IndustryLink> e)
    {
        e.ToTable("IndustryLinks");
        e.HasKey(l => new { l.IndustryId, l.HouseholdId });
        e.Property(l => l.LinkedBy).HasMaxLength(100);
        e.HasOne<SiteIndustry>().WithMany().HasForeignKey(l => l.IndustryId);
        e.HasIndex(l => l.HouseholdId);
    }
}
