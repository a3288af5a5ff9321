using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Assistance.Housing;

/// <summary>Safety grade of a house. C and D are dangerous houses (危房).</summary>
public enum HouseGrade
{
    A = 1,
    B = 2,
    C = 3,
    D = 4,
}

/// <summary>Where an appraisal came from.</summary>
public enum AppraisalSource
{
    Officer,
    Department,
}

/// <summary>
/// A house safety appraisal (住房安全鉴定) of a household's house. Every appraisal is kept; the latest
/// by appraisal date (then by when it was recorded) counts.
/// </summary>
public sealed class HouseAppraisal
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public HouseGrade Grade { get; set; }

    public DateOnly AppraisedOn { get; set; }

    public required string AppraiserName { get; set; }

    public string AppraiserOrganisation { get; set; } = "";

    public string Notes { get; set; } = "";

    public AppraisalSource Source { get; set; }

    /// <summary>The housing department's key; null for an officer's record.</summary>
    public string? RecordKey { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }

    public bool Dangerous => IsDangerous(Grade);

    public static bool IsDangerous(HouseGrade grade) => grade is HouseGrade.C or HouseGrade.D;

    /// <summary>The appraisal that counts: latest appraisal date, then latest recorded.</summary>
    public static HouseAppraisal? Latest(IEnumerable<HouseAppraisal> appraisals) =>
        appraisals.OrderBy(a => a.AppraisedOn).ThenBy(a => a.RecordedAt).ThenBy(a => a.Id).LastOrDefault();
}

internal sealed class HouseAppraisalConfiguration : IEntityTypeConfiguration<HouseAppraisal>
{
    public void Configure(EntityTypeBuilder<HouseAppraisal> e)
    {
        e.ToTable("HouseAppraisals");
        e.HasKey(a => a.Id);
        e.Property(a => a.Grade).HasConversion<string>().HasMaxLength(1);
        e.Property(a => a.Source).HasConversion<string>().HasMaxLength(16);
        e.Property(a => a.AppraiserName).HasMaxLength(64);
        e.Property(a => a.AppraiserOrganisation).HasMaxLength(128);
        e.Property(a => a.Notes).HasMaxLength(400);
        e.Property(a => a.RecordKey).HasMaxLength(64);
        e.Property(a => a.RecordedBy).HasMaxLength(128);
        e.Ignore(a => a.Dangerous);
        e.HasIndex(a => new { a.HouseholdId, a.AppraisedOn });
        e.HasIndex(a => a.RecordKey).IsUnique().HasFilter("[RecordKey] IS NOT NULL");
    }
}
