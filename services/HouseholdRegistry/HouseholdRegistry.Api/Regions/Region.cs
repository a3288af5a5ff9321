using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Security;

namespace Platform.HouseholdRegistry.Regions;

/// <summary>A node of the administrative hierarchy (省 → 市 → 县 → 乡/镇 → 村).</summary>
public sealed class Region
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public RegionLevel Level { get; set; }

    public string? ParentCode { get; set; }

    /// <summary>Rural registered population, the denominator of the poverty incidence rate; null when unknown.</summary>
    public int? RuralPopulation { get; set; }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> e)
    {
        e.ToTable("Regions");
        e.HasKey(r => r.Code);
        e.Property(r => r.Code).HasMaxLength(12);
        e.Property(r => r.ParentCode).HasMaxLength(12);
        e.Property(r => r.Name).HasMaxLength(64);
        e.HasIndex(r => r.ParentCode);
        e.HasData(RegionSeed.All);
    }
}
