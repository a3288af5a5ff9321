using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Employment.Labourers;

/// <summary>
/// The employment service's replica of a registry household: the common part
/// (<see cref="ReplicaHousehold{TMember}"/>) and the relocation service's zero-employment case.
/// </summary>
public sealed class LabourHousehold : ReplicaHousehold<Labourer>
{
    /// <summary>
    /// The relocation service's open zero-employment case (零就业家庭) of this family, if any: its
    /// labourers come first for job referrals. ZeroEmploymentAsOf is the time of the last case event applied.
    /// </summary>
    public Guid? ZeroEmploymentCaseId { get; set; }

    public DateTime? ZeroEmploymentAsOf { get; set; }
}

/// <summary>A member as employment sees them: no name and no national ID, only the platform's keyed lookup hash.</summary>
public sealed class Labourer : ReplicaMember
{
    public string Sex { get; set; } = "Unspecified";

    /// <summary>Keyed hash of the national ID (MemberFacts.NationalIdLookup), to match records other departments send.</summary>
    public string? NationalIdLookup { get; set; }
}

internal sealed class LabourHouseholdConfiguration : IEntityTypeConfiguration<LabourHousehold>, IEntityTypeConfiguration<Labourer>
{
    public void Configure(EntityTypeBuilder<LabourHousehold> e) => e.MapReplicaHousehold<LabourHousehold, Labourer>();

    public void Configure(EntityTypeBuilder<Labourer> e)
    {
        e.MapReplicaMember("Labourers");
        e.Property(m => m.Sex).HasMaxLength(16);
        e.Property(m => m.NationalIdLookup).HasMaxLength(64).IsUnicode(false);
        e.HasIndex(m => m.NationalIdLookup);
    }
}
