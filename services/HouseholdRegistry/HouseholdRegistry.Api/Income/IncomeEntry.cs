using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pa.Registry.V1;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Income;

/// <summary>
/// One amount of a household's income or rigid expenditure in a year, from one source. Category
/// and source are plain strings, so a new source (another department's data) needs no migration.
/// The source reference (survey field, payment id, medical record id) makes a repeated report of
/// the same amount replace itself instead of counting twice.
/// </summary>
public sealed class IncomeEntry
{
    public Guid Id { get; set; }

    public long HouseholdSeq { get; set; }

    public int Year { get; set; }

    /// <summary>For example "wages", "production-net", "property", "transfer", "medical-expenditure", "education-expenditure".</summary>
    public required string Category { get; set; }

    public IncomeKind Kind { get; set; }

    /// <summary>For example "village-survey", "employment", "dividend", "medical-insurance".</summary>
    public required string Source { get; set; }

    public required string SourceReference { get; set; }

    public long AmountFen { get; set; }

    public DateTime RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>Category and source names the registry itself writes; other services may add more.</summary>
public static class IncomeCategories
{
    public const string Wages = "wages";
    public const string ProductionNet = "production-net";
    public const string Property = "property";
    public const string Transfer = "transfer";
    public const string MedicalExpenditure = "medical-expenditure";
    public const string EducationExpenditure = "education-expenditure";

    public const string VillageSurvey = "village-survey";
    public const string Employment = "employment";
    public const string Dividend = "dividend";
    public const string MedicalInsurance = "medical-insurance";
}

/// <summary>
/// The computed figures of one household year, kept with the member count they were divided by,
/// so a later change of members does not silently change a past year.
/// </summary>
public sealed class IncomeYearSummary
{
    public long HouseholdSeq { get; set; }

    public int Year { get; set; }

    public long NetIncomeFen { get; set; }

    public long RigidExpenditureFen { get; set; }

    public int MemberCount { get; set; }

    public long PerCapitaNetIncomeFen { get; set; }

    public long ExpenditureAdjustedPerCapitaFen { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class IncomeEntryConfiguration : IEntityTypeConfiguration<IncomeEntry>
{
    public void Configure(EntityTypeBuilder<IncomeEntry> e)
    {
        e.ToTable("IncomeEntries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Category).HasMaxLength(40);
        e.Property(x => x.Source).HasMaxLength(40);
        e.Property(x => x.SourceReference).HasMaxLength(64);
        e.Property(x => x.RecordedBy).HasMaxLength(128);
        e.HasIndex(x => new { x.HouseholdSeq, x.Source, x.SourceReference }).IsUnique();
        e.HasIndex(x => new { x.HouseholdSeq, x.Year });
        e.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdSeq).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncomeYearSummaryConfiguration : IEntityTypeConfiguration<IncomeYearSummary>
{
    public void Configure(EntityTypeBuilder<IncomeYearSummary> e)
    {
        e.ToTable("IncomeYears");
        e.HasKey(x => new { x.HouseholdSeq, x.Year });
        e.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdSeq).OnDelete(DeleteBehavior.Cascade);
    }
}
