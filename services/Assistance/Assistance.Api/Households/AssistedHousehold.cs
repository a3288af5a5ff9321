using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.Assistance.Households;

/// <summary>Where a household stands in the registry, as far as the registry's events have told this service.</summary>
public enum ReplicaStatus
{
    /// <summary>Heard of through an event that does not say (e.g. members changed before registration arrived).</summary>
    Unknown,
    Registered,
    Exited,
}

public enum Sex
{
    Unspecified,
    Male,
    Female,
}

public enum HealthCondition
{
    Unspecified,
    Healthy,
    ChronicIllness,
    SeriousIllness,
    Disability,
}

public enum LabourCapacity
{
    Unspecified,
    Normal,
    Weak,
    None,
}

public enum SchoolingStatus
{
    Unspecified,
    NotOfSchoolAge,
    InSchool,
    DroppedOut,
    Completed,
}

/// <summary>
/// The assistance service's small replica of a registry household: only what the guarantees need.
/// Each part carries the time of the event that set it, so an older event arriving late never
/// overwrites a newer one.
/// </summary>
public sealed class AssistedHousehold
{
    /// <summary>The registry's household id.</summary>
    public Guid Id { get; set; }

    public required string RegionCode { get; set; }

    public ReplicaStatus Status { get; set; }

    public DateTime? StatusAsOf { get; set; }

    public DateTime? RegisteredAt { get; set; }

    public DateTime? ExitedAt { get; set; }

    /// <summary>End of the post-exit support period (脱贫不脱政策), from HouseholdExited.</summary>
    public DateOnly? SupportUntil { get; set; }

    /// <summary>"ProductionAndEmployment", "Education", "Relocation", "SocialSecurity" or "Unspecified".</summary>
    public string Pathway { get; set; } = "Unspecified";

    /// <summary>防返贫监测 category: "None", "UnstableExited", "MarginalAtRisk", "SuddenHardship".</summary>
    public string MonitoringCategory { get; set; } = "None";

    public DateTime? MonitoringAsOf { get; set; }

    public DateTime? MembersAsOf { get; set; }

    public List<AssistedMember> Members { get; set; } = [];

    public IEnumerable<AssistedMember> CurrentMembers => Members.Where(m => m.IsCurrent);
}

/// <summary>A member as the guarantees see them. No name and no national ID: only the platform's keyed lookup hash.</summary>
public sealed class AssistedMember : IMemberReplica
{
    /// <summary>The registry's member id.</summary>
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public string Relationship { get; set; } = "Unspecified";

    public Sex Sex { get; set; }

    public DateOnly BirthDate { get; set; }

    public HealthCondition Health { get; set; }

    public int DisabilityGrade { get; set; }

    public LabourCapacity LabourCapacity { get; set; }

    public SchoolingStatus Schooling { get; set; }

    /// <summary>Keyed hash of the national ID (see MemberFacts.NationalIdLookup); matches department records.</summary>
    public string? NationalIdLookup { get; set; }

    /// <summary>False once the member is no longer in the household's member list; kept so records about them stay readable.</summary>
    public bool IsCurrent { get; set; } = true;

    /// <summary>Age in whole years on <paramref name="day"/>.</summary>
    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }
}

/// <summary>A year's household income as the registry last reported it (HouseholdIncomeRecorded), for shares of income.</summary>
public sealed class HouseholdIncomeYear
{
    public Guid HouseholdId { get; set; }

    public int Year { get; set; }

    public long NetIncomeFen { get; set; }

    public long PerCapitaNetIncomeFen { get; set; }

    public int MemberCount { get; set; }

    public DateTime RecordedAt { get; set; }
}

internal sealed class AssistedHouseholdConfiguration : IEntityTypeConfiguration<AssistedHousehold>, IEntityTypeConfiguration<AssistedMember>, IEntityTypeConfiguration<HouseholdIncomeYear>
{
    public void Configure(EntityTypeBuilder<AssistedHousehold> e)
    {
        e.ToTable("Households");
        e.HasKey(h => h.Id);
        e.Property(h => h.Id).ValueGeneratedNever();
        e.Property(h => h.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(h => h.Pathway).HasMaxLength(32);
        e.Property(h => h.MonitoringCategory).HasMaxLength(32);
        e.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdId);
        e.Ignore(h => h.CurrentMembers);
        e.HasIndex(h => h.RegionCode);
    }

    public void Configure(EntityTypeBuilder<AssistedMember> e)
    {
        e.ToTable("Members");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
        e.Property(m => m.Relationship).HasMaxLength(32);
        e.Property(m => m.Sex).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.Health).HasConversion<string>().HasMaxLength(32);
        e.Property(m => m.LabourCapacity).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.Schooling).HasConversion<string>().HasMaxLength(32);
        e.Property(m => m.NationalIdLookup).HasMaxLength(64).IsUnicode(false);
        e.HasIndex(m => m.NationalIdLookup);
    }

    public void Configure(EntityTypeBuilder<HouseholdIncomeYear> e)
    {
        e.ToTable("HouseholdIncomeYears");
        e.HasKey(y => new { y.HouseholdId, y.Year });
    }
}
