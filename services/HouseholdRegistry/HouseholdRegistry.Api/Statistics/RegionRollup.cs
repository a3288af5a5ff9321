using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Statistics;

/// <summary>
/// The <see cref="RegionTally"/> rows of every village under one township, county, city or
/// province, summed and kept current with them: a county of 3,000 villages holds some 200,000 tally
/// rows, too many to sum on every call, but its townships hold a few thousand rollup rows.
/// </summary>
public sealed class RegionRollup
{
    /// <summary>A township, county, city or province; never a village (those are the tallies).</summary>
    public required string RegionCode { get; set; }

    public HouseholdStatus Status { get; set; }

    public PovertyCause PrimaryCause { get; set; }

    public MonitoringCategory MonitoringCategory { get; set; }

    public int PlannedExitYear { get; set; }

    public int ExitYear { get; set; }

    public int Households { get; set; }

    public int People { get; set; }
}

internal sealed class RegionRollupConfiguration : IEntityTypeConfiguration<RegionRollup>
{
    public void Configure(EntityTypeBuilder<RegionRollup> e)
    {
        e.ToTable("RegionRollups");
        e.HasKey(t => new { t.RegionCode, t.Status, t.PrimaryCause, t.MonitoringCategory, t.PlannedExitYear, t.ExitYear });
        e.Property(t => t.RegionCode).HasMaxLength(12);
    }
}
