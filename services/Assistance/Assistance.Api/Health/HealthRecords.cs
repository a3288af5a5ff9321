using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Assistance.Health;

public enum EnrolmentStatus
{
    Enrolled,

    /// <summary>Not paid or ended for the year: the member counts as not insured.</summary>
    Lapsed,
}

public enum IllnessKind
{
    /// <summary>慢性病.</summary>
    Chronic,

    /// <summary>大病.</summary>
    Serious,
}

/// <summary>A member's basic medical insurance enrolment (基本医疗保险参保) for one year: one per member and year.</summary>
public sealed class InsuranceEnrolment
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid MemberId { get; set; }

    public required string RegionCode { get; set; }

    public int Year { get; set; }

    public long PremiumFen { get; set; }

    /// <summary>The part of the premium paid by subsidy (资助参保), never more than the premium.</summary>
    public long SubsidisedFen { get; set; }

    public EnrolmentStatus Status { get; set; }

    /// <summary>"officer" or "department".</summary>
    public required string Source { get; set; }

    /// <summary>The health department's key for the record, when it came from the department.</summary>
    public string? RecordKey { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>A family-doctor contract (家庭医生签约) of one member.</summary>
public sealed class FamilyDoctorContract
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid MemberId { get; set; }

    public required string Doctor { get; set; }

    public required string Clinic { get; set; }

    public DateOnly SignedOn { get; set; }

    public DateOnly ValidUntil { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }

    public List<DoctorVisit> Visits { get; set; } = [];
}

/// <summary>A follow-up visit (随访) under a family-doctor contract.</summary>
public sealed class DoctorVisit
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    public DateOnly VisitedOn { get; set; }

    public required string Doctor { get; set; }

    public string Notes { get; set; } = "";

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>A chronic or serious illness diagnosed for a member (慢病、大病).</summary>
public sealed class IllnessRecord
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid MemberId { get; set; }

    public IllnessKind Kind { get; set; }

    public required string Category { get; set; }

    public DateOnly DiagnosedOn { get; set; }

    public required string Source { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>
/// The costs of one hospitalisation and who paid them. Counted in the year of discharge, when the
/// one-stop settlement (一站式结算) happens. A correction overwrites the record under its id.
/// </summary>
public sealed class MedicalExpense
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid MemberId { get; set; }

    public required string RegionCode { get; set; }

    public required string Hospital { get; set; }

    public DateOnly AdmittedOn { get; set; }

    public DateOnly DischargedOn { get; set; }

    public int Year { get; set; }

    public long TotalFen { get; set; }

    public long CompliantFen { get; set; }

    public long BasicInsuranceFen { get; set; }

    public long CriticalIllnessFen { get; set; }

    public long MedicalAssistanceFen { get; set; }

    public long OtherFen { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }

    public MedicalCosts Costs => new(TotalFen, CompliantFen, BasicInsuranceFen, CriticalIllnessFen, MedicalAssistanceFen, OtherFen);
}

/// <summary>
/// A household's medical costs of one year, summed from its hospitalisation records whenever one
/// is written: the compliant out-of-pocket flag the medical guarantee reads, and where the
/// large-expenditure check last left the household (so it publishes once per crossing).
/// </summary>
public sealed class HouseholdMedicalYear
{
    public Guid HouseholdId { get; set; }

    public int Year { get; set; }

    public required string RegionCode { get; set; }

    public long CompliantFen { get; set; }

    public long CompliantOutOfPocketFen { get; set; }

    /// <summary>What the family paid in all (total − all payments), the figure the registry counts as rigid expenditure.</summary>
    public long FamilyPaysFen { get; set; }

    /// <summary>The compliant out-of-pocket share is above the year's limit.</summary>
    public bool Flagged { get; set; }

    /// <summary>The record written last, named as the deciding record when the household is flagged.</summary>
    public Guid LatestRecordId { get; set; }

    /// <summary>Above the large-expenditure share of net income when last assessed with a known income.</summary>
    public bool AboveIncomeShare { get; set; }
}

internal sealed class HealthRecordsConfiguration :
    IEntityTypeConfiguration<InsuranceEnrolment>,
    IEntityTypeConfiguration<FamilyDoctorContract>,
    IEntityTypeConfiguration<DoctorVisit>,
    IEntityTypeConfiguration<IllnessRecord>,
    IEntityTypeConfiguration<MedicalExpense>,
    IEntityTypeConfiguration<HouseholdMedicalYear>
{
    public void Configure(EntityTypeBuilder<InsuranceEnrolment> e)
    {
        e.ToTable("InsuranceEnrolments");
        e.HasKey(x => x.Id);
        e.Property(x => x.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Source).HasMaxLength(16);
        e.Property(x => x.RecordKey).HasMaxLength(64);
        e.Property(x => x.RecordedBy).HasMaxLength(128);
        e.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
        e.HasIndex(x => new { x.HouseholdId, x.Year });
        e.HasIndex(x => x.RecordKey);
    }

    public void Configure(EntityTypeBuilder<FamilyDoctorContract> e)
    {
        e.ToTable("FamilyDoctorContracts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Doctor).HasMaxLength(100);
        e.Property(x => x.Clinic).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(128);
        e.HasMany(x => x.Visits).WithOne().HasForeignKey(v => v.ContractId);
        e.HasIndex(x => x.HouseholdId);
    }

    public void Configure(EntityTypeBuilder<DoctorVisit> e)
    {
        e.ToTable("DoctorVisits");
        e.HasKey(x => x.Id);
        e.Property(x => x.Doctor).HasMaxLength(100);
        e.Property(x => x.Notes).HasMaxLength(1000);
        e.Property(x => x.RecordedBy).HasMaxLength(128);
    }

    public void Configure(EntityTypeBuilder<IllnessRecord> e)
    {
        e.ToTable("IllnessRecords");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Category).HasMaxLength(100);
        e.Property(x => x.Source).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(128);
        e.HasIndex(x => x.HouseholdId);
    }

    public void Configure(EntityTypeBuilder<MedicalExpense> e)
    {
        e.ToTable("MedicalExpenses");
        e.HasKey(x => x.Id);
        e.Property(x => x.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(x => x.Hospital).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(128);
        e.Ignore(x => x.Costs);
        e.HasIndex(x => new { x.HouseholdId, x.Year });
    }

    public void Configure(EntityTypeBuilder<HouseholdMedicalYear> e)
    {
        e.ToTable("HouseholdMedicalYears");
        e.HasKey(x => new { x.HouseholdId, x.Year });
        e.Property(x => x.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.HasIndex(x => new { x.Year, x.Flagged });
    }
}
