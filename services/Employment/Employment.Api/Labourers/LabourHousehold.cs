using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.Employment.Labourers;

/// <summary>Where a household stands in the registry, as far as the registry's events have told this service.</summary>
public enum HouseholdStatus
{
    /// <summary>Heard of through an event that does not say (e.g. members changed before registration arrived).</summary>
    Unknown,
    Registered,
    Exited,
}

/// <summary>劳动力: normal, weak (弱劳动力) or none, as the registry records it.</summary>
public enum LabourCapacity
{
    Unspecified,
    Normal,
    Weak,
    None,
}

/// <summary>
/// The employment service's replica of a registry household: region, status and members with
/// their labour capacity. Each part carries the time of the event that set it, so an older event
/// arriving late never overwrites a newer one.
/// </summary>
public sealed class LabourHousehold
{
    /// <summary>The registry's household id.</summary>
    public Guid Id { get; set; }

    public required string RegionCode { get; set; }

    public HouseholdStatus Status { get; set; }

    public DateTime? StatusAsOf { get; set; }

    public DateTime? MembersAsOf { get; set; }

    /// <summary>
    /// The relocation service's open zero-employment case (零就业家庭) of this family, if any: its
    /// labourers come first for job referrals. ZeroEmploymentAsOf is the time of the last case event applied.
    /// </summary>
    public Guid? ZeroEmploymentCaseId { get; set; }

    public DateTime? ZeroEmploymentAsOf { get; set; }

    public List<Labourer> Members { get; set; } = [];
}

/// <summary>A member as employment sees them: no name and no national ID, only the platform's keyed lookup hash.</summary>
public sealed class Labourer : IMemberReplica
{
    /// <summary>The registry's member id.</summary>
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public string Sex { get; set; } = "Unspecified";

    public DateOnly BirthDate { get; set; }

    public LabourCapacity LabourCapacity { get; set; }

    /// <summary>Keyed hash of the national ID (MemberFacts.NationalIdLookup), to match records other departments send.</summary>
    public string? NationalIdLookup { get; set; }

    /// <summary>False once the member left the household; kept so their archive stays readable.</summary>
    public bool IsCurrent { get; set; } = true;

    /// <summary>Normal or weak labour: the people employment assistance is for.</summary>
    public bool HasLabour => LabourCapacity is LabourCapacity.Normal or LabourCapacity.Weak;

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }
}

internal sealed class LabourHouseholdConfiguration : IEntityTypeConfiguration<LabourHousehold>, IEntityTypeConfiguration<Labourer>
{
    public void Configure(EntityTypeBuilder<LabourHousehold> e)
    {
        e.ToTable("Households");
        e.HasKey(h => h.Id);
        e.Property(h => h.Id).ValueGeneratedNever();
        e.Property(h => h.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        e.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdId);
        e.HasIndex(h => h.RegionCode);
    }

    public void Configure(EntityTypeBuilder<Labourer> e)
    {
        e.ToTable("Labourers");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
        e.Property(m => m.Sex).HasMaxLength(16);
        e.Property(m => m.LabourCapacity).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.NationalIdLookup).HasMaxLength(64).IsUnicode(false);
        e.Ignore(m => m.HasLabour);
        e.HasIndex(m => m.NationalIdLookup);
    }
}
