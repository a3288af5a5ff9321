using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Statistics;

/// <summary>
/// Households and active people of one village with one combination of the counted columns,
/// kept current in the same SaveChanges as every household change, so statistics of any region
/// are a sum over a few tally rows instead of a scan of its households.
/// </summary>
public sealed class RegionTally
{
    public required string VillageCode { get; set; }

    public HouseholdStatus Status { get; set; }

    public PovertyCause PrimaryCause { get; set; }

    public MonitoringCategory MonitoringCategory { get; set; }

    /// <summary>0 when no exit year is planned.</summary>
    public int PlannedExitYear { get; set; }

    /// <summary>Year of the exit (脱贫出列); 0 when the household has not exited.</summary>
    public int ExitYear { get; set; }

    public int Households { get; set; }

    public int People { get; set; }
}

internal sealed class RegionTallyConfiguration : IEntityTypeConfiguration<RegionTally>
{
    public void Configure(EntityTypeBuilder<RegionTally> e)
    {
        e.ToTable("RegionTallies");
        e.HasKey(t => new { t.VillageCode, t.Status, t.PrimaryCause, t.MonitoringCategory, t.PlannedExitYear, t.ExitYear });
        e.Property(t => t.VillageCode).HasMaxLength(12);
    }
}
