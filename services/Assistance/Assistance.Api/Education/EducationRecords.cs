using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Assistance.Education;

/// <summary>School stages; the numbers are the proto's, so the two convert by value.</summary>
public enum SchoolStage
{
    Preschool = 1,
    Primary = 2,
    Junior = 3,
    Senior = 4,
    Vocational = 5,
    University = 6,
}

public enum EnrolmentSource
{
    Officer = 1,
    Department = 2,
}

/// <summary>
/// A member attending a school in a school year (2025 = 2025–26). Recorded by an officer or pushed
/// by the education department under the department's record key.
/// </summary>
public sealed class Enrolment
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>The household's region when recorded, for region listings and coverage.</summary>
    public required string RegionCode { get; set; }

    public SchoolStage Stage { get; set; }

    public required string SchoolName { get; set; }

    public int Grade { get; set; }

    public int SchoolYear { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    public EnrolmentSource Source { get; set; }

    /// <summary>The education department's key; null for officers' records.</summary>
    public string? RecordKey { get; set; }

    public required string RecordedBy { get; set; }

    /// <summary>When the record was added or last changed.</summary>
    public DateTime RecordedAt { get; set; }
}

/// <summary>Subsidy kinds; the numbers are the proto's.</summary>
public enum SubsidyKind
{
    TuitionWaiver = 1,
    LivingSubsidy = 2,

    /// <summary>雨露计划: support for vocational students of poor households.</summary>
    RainDewPlan = 3,
}

/// <summary>A subsidy granted on an enrolment, in whole fen.</summary>
public sealed class EducationSubsidy
{
    public Guid Id { get; set; }

    public Guid EnrolmentId { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid MemberId { get; set; }

    public required string RegionCode { get; set; }

    public SubsidyKind Kind { get; set; }

    public long AmountFen { get; set; }

    public int Year { get; set; }

    public required string GrantedBy { get; set; }

    public DateTime GrantedAt { get; set; }
}

/// <summary>Exemption kinds; the numbers are the proto's.</summary>
public enum ExemptionKind
{
    /// <summary>送教上门: teachers visit a child too severely disabled to attend school.</summary>
    HomeTeaching = 1,
    DeferredEnrolment = 2,
}

/// <summary>An approved exemption from attending school, covering From..Until (open-ended without Until).</summary>
public sealed class EducationExemption
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid MemberId { get; set; }

    public required string RegionCode { get; set; }

    public ExemptionKind Kind { get; set; }

    public required string Reason { get; set; }

    public required string ApprovedBy { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? Until { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

internal sealed class EducationRecordsConfiguration :
    IEntityTypeConfiguration<Enrolment>, IEntityTypeConfiguration<EducationSubsidy>, IEntityTypeConfiguration<EducationExemption>
{
    public void Configure(EntityTypeBuilder<Enrolment> e)
    {
        e.ToTable("Enrolments");
        e.HasKey(x => x.Id);
        e.Property(x => x.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SchoolName).HasMaxLength(100);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.RecordKey).HasMaxLength(64);
        e.Property(x => x.RecordedBy).HasMaxLength(128);
        e.HasIndex(x => x.RecordKey).IsUnique();
        e.HasIndex(x => new { x.MemberId, x.SchoolYear });
        e.HasIndex(x => x.HouseholdId);
    }

    public void Configure(EntityTypeBuilder<EducationSubsidy> e)
    {
        e.ToTable("EducationSubsidies");
        e.HasKey(x => x.Id);
        e.Property(x => x.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.GrantedBy).HasMaxLength(128);
        e.HasIndex(x => x.HouseholdId);
        e.HasIndex(x => x.EnrolmentId);
    }

    public void Configure(EntityTypeBuilder<EducationExemption> e)
    {
        e.ToTable("EducationExemptions");
        e.HasKey(x => x.Id);
        e.Property(x => x.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Reason).HasMaxLength(400);
        e.Property(x => x.ApprovedBy).HasMaxLength(128);
        e.Property(x => x.RecordedBy).HasMaxLength(128);
        e.HasIndex(x => x.MemberId);
        e.HasIndex(x => x.HouseholdId);
    }
}
