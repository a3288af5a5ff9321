using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.HouseholdReplica;

namespace Platform.Assistance.Households;

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

public enum SchoolingStatus
{
    Unspecified,
    NotOfSchoolAge,
    InSchool,
    DroppedOut,
    Completed,
}

/// <summary>
/// The assistance service's small replica of a registry household: the common part
/// (<see cref="ReplicaHousehold{TMember}"/>) and what the guarantees need besides.
/// </summary>
public sealed class AssistedHousehold : ReplicaHousehold<AssistedMember>
{
    public DateTime? RegisteredAt { get; set; }

    public DateTime? ExitedAt { get; set; }

    /// <summary>End of the post-exit support period (脱贫不脱政策), from HouseholdExited.</summary>
    public DateOnly? SupportUntil { get; set; }

    /// <summary>"ProductionAndEmployment", "Education", "Relocation", "SocialSecurity" or "Unspecified".</summary>
    public string Pathway { get; set; } = "Unspecified";

    /// <summary>防返贫监测 category: "None", "UnstableExited", "MarginalAtRisk", "SuddenHardship".</summary>
    public string MonitoringCategory { get; set; } = "None";

    public DateTime? MonitoringAsOf { get; set; }

    public IEnumerable<AssistedMember> CurrentMembers => Members.Where(m => m.IsCurrent);
}

/// <summary>A member as the guarantees see them. No name and no national ID: only the platform's keyed lookup hash.</summary>
public sealed class AssistedMember : ReplicaMember
{
    public string Relationship { get; set; } = "Unspecified";

    public Sex Sex { get; set; }

    public HealthCondition Health { get; set; }

    public int DisabilityGrade { get; set; }

    public SchoolingStatus Schooling { get; set; }

    /// <summary>Keyed hash of the national ID (see MemberFacts.NationalIdLookup); matches department records.</summary>
    public string? NationalIdLookup { get; set; }
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
        e.MapReplicaHousehold<AssistedHousehold, AssistedMember>();
        e.Property(h => h.Pathway).HasMaxLength(32);
        e.Property(h => h.MonitoringCategory).HasMaxLength(32);
        e.Ignore(h => h.CurrentMembers);
    }

    public void Configure(EntityTypeBuilder<AssistedMember> e)
    {
        e.MapReplicaMember("Members");
        e.Property(m => m.Relationship).HasMaxLength(32);
        e.Property(m => m.Sex).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.Health).HasConversion<string>().HasMaxLength(32);
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
