using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Assistance.Water;

/// <summary>The four dimensions of the drinking-water safety standard (饮水安全: 水量、水质、用水方便程度、供水保证率).</summary>
public enum WaterDimension
{
    Quantity,
    Quality,
    Convenience,
    Reliability,
}

public enum WaterAssessmentSource
{
    Officer,
    WaterDepartment,
}

/// <summary>One dimension as assessed: whether it meets the standard, with an optional measurement and note.</summary>
public sealed class WaterCheck
{
    public bool Meets { get; set; }

    /// <summary>In the dimension's usual unit: litres per person per day, minutes of carrying time, guarantee rate in percent.</summary>
    public double? MeasuredValue { get; set; }

    public string Note { get; set; } = "";

    public static WaterCheck Of(bool meets) => new() { Meets = meets };

    /// <summary>An officer's check as stored; water.proto requires all four and bounds the value and note.</summary>
    public static WaterCheck From(Pa.Assistance.V1.WaterDimensionCheck check) =>
        new() { Meets = check.Meets, MeasuredValue = check.HasMeasuredValue ? check.MeasuredValue : null, Note = check.Note.Trim() };

    public bool SameAs(WaterCheck other) => Meets == other.Meets && MeasuredValue == other.MeasuredValue && Note == other.Note;
}

/// <summary>
/// A household's water as assessed on one day, by an officer or pushed by the water department.
/// Every assessment is kept; the one with the latest assessment date decides the guarantee.
/// </summary>
public sealed class WaterAssessment
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    /// <summary>The household's region when recorded, for listings by region.</summary>
    public required string RegionCode { get; set; }

    public WaterCheck Quantity { get; set; } = new();

    public WaterCheck Quality { get; set; } = new();

    public WaterCheck Convenience { get; set; } = new();

    public WaterCheck Reliability { get; set; } = new();

    public DateOnly AssessedOn { get; set; }

    public required string Assessor { get; set; }

    public WaterAssessmentSource Source { get; set; }

    /// <summary>The water department's key; null for an officer's assessment.</summary>
    public string? RecordKey { get; set; }

    public required string RecordedBy { get; set; }

    /// <summary>When this service stored (or last changed) the assessment.</summary>
    public DateTime RecordedAt { get; set; }

    public WaterCheck Check(WaterDimension dimension) => dimension switch
    {
        WaterDimension.Quantity => Quantity,
        WaterDimension.Quality => Quality,
        WaterDimension.Convenience => Convenience,
        _ => Reliability,
    };

    /// <summary>The dimensions not met, in the standard's order.</summary>
    public IReadOnlyList<WaterDimension> FailingDimensions => Enum.GetValues<WaterDimension>().Where(d => !Check(d).Meets).ToList();
}

internal sealed class WaterAssessmentConfiguration : IEntityTypeConfiguration<WaterAssessment>
{
    public void Configure(EntityTypeBuilder<WaterAssessment> e)
    {
        e.ToTable("WaterAssessments");
        e.HasKey(a => a.Id);
        e.Property(a => a.RegionCode).HasMaxLength(12).IsUnicode(false);
        // Complex types rather than owned entities: four checks per row without four more tracked entries (bulk department pushes).
        Check(e.ComplexProperty(a => a.Quantity), nameof(WaterDimension.Quantity));
        Check(e.ComplexProperty(a => a.Quality), nameof(WaterDimension.Quality));
        Check(e.ComplexProperty(a => a.Convenience), nameof(WaterDimension.Convenience));
        Check(e.ComplexProperty(a => a.Reliability), nameof(WaterDimension.Reliability));

        e.Property(a => a.Assessor).HasMaxLength(64);
        e.Property(a => a.Source).HasConversion<string>().HasMaxLength(16);
        e.Property(a => a.RecordKey).HasMaxLength(64);
        e.Property(a => a.RecordedBy).HasMaxLength(128);
        e.Ignore(a => a.FailingDimensions);
        e.HasIndex(a => new { a.HouseholdId, a.AssessedOn });
        e.HasIndex(a => a.RecordKey).IsUnique();
    }

    private static void Check(ComplexPropertyBuilder<WaterCheck> check, string dimension)
    {
        check.Property(c => c.Meets).HasColumnName($"{dimension}Meets");
        check.Property(c => c.MeasuredValue).HasColumnName($"{dimension}Value");
        check.Property(c => c.Note).HasMaxLength(200).HasColumnName($"{dimension}Note");
    }
}
