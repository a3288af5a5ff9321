using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.Relocation.Households;

/// <summary>Where a household stands in the registry, as far as the registry's events have told this service.</summary>
public enum HouseholdStatus
{
    /// <summary>Heard of through an event that does not say (e.g. a job started before registration arrived).</summary>
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

/// <summary>A member's wish to work (就业意愿), as a job-seeking registration or a follow-up survey last said.</summary>
public enum WorkWish
{
    /// <summary>Not asked yet: a member with labour capacity of working age is presumed to seek work.</summary>
    Unknown,
    Wishes,
    DoesNotWish,
}

/// <summary>
/// The relocation service's replica of a registry household: origin village, pathway, status,
/// members, latest income and guarantee status. Each part carries the time of the event that set
/// it, so an older event arriving late never overwrites a newer one.
/// </summary>
public sealed class RelocatedHousehold
{
    /// <summary>The registry's household id.</summary>
    public Guid Id { get; set; }

    /// <summary>The household's registry region: for a relocated household, the origin village.</summary>
    public required string RegionCode { get; set; }

    /// <summary>The registry's planned way out ("Relocation" makes the household a relocation candidate).</summary>
    public string Pathway { get; set; } = "Unspecified";

    public HouseholdStatus Status { get; set; }

    public DateTime? StatusAsOf { get; set; }

    public DateTime? MembersAsOf { get; set; }

    /// <summary>The latest year with a recorded income, its per-capita net income in fen, and when it was recorded.</summary>
    public int? IncomeYear { get; set; }

    public long? PerCapitaNetIncomeFen { get; set; }

    public DateTime? IncomeAsOf { get; set; }

    /// <summary>两不愁三保障 + safe water, as the assistance service last reported: "Met", "NotMet" or "Unknown".</summary>
    public GuaranteeStatus Guarantees { get; set; } = new();

    /// <summary>The assistance service's reasons for the guarantees not met.</summary>
    public List<string> GuaranteeReasons { get; set; } = [];

    public DateTime? GuaranteesAsOf { get; set; }

    public List<RelocatedMember> Members { get; set; } = [];

    public bool IsRelocationCandidate => string.Equals(Pathway, "Relocation", StringComparison.OrdinalIgnoreCase);

    public int CurrentPeople => Members.Count(m => m.IsCurrent);
}

/// <summary>The five guarantees as last reported.</summary>
public sealed class GuaranteeStatus
{
    public string FoodAndClothing { get; set; } = "Unknown";

    public string Education { get; set; } = "Unknown";

    public string Medical { get; set; } = "Unknown";

    public string Housing { get; set; } = "Unknown";

    public string Water { get; set; } = "Unknown";

    /// <summary>The guarantees that are not met (or not known to be), by name.</summary>
    public IEnumerable<string> Gaps()
    {
        (string Name, string State)[] all = [("FoodAndClothing", FoodAndClothing), ("Education", Education), ("Medical", Medical), ("Housing", Housing), ("Water", Water)];
        return all.Where(g => g.State != "Met").Select(g => g.Name);
    }
}

/// <summary>A member as relocation follow-up sees them: no name and no national ID.</summary>
public sealed class RelocatedMember : IMemberReplica
{
    /// <summary>The registry's member id.</summary>
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public DateOnly BirthDate { get; set; }

    public LabourCapacity LabourCapacity { get; set; }

    /// <summary>False once the member left the household; kept so their history stays readable.</summary>
    public bool IsCurrent { get; set; } = true;

    public WorkWish WorkWish { get; set; }

    /// <summary>Why the member does not wish to work (e.g. caring for a disabled parent), when a survey said so.</summary>
    public string? WorkWishReason { get; set; }

    public DateTime? WorkWishAsOf { get; set; }

    public bool HasLabour => LabourCapacity is LabourCapacity.Normal or LabourCapacity.Weak;

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }
}

internal sealed class RelocatedHouseholdConfiguration : IEntityTypeConfiguration<RelocatedHousehold>, IEntityTypeConfiguration<RelocatedMember>
{
    public void Configure(EntityTypeBuilder<RelocatedHousehold> e)
    {
        e.ToTable("Households");
        e.HasKey(h => h.Id);
        e.Property(h => h.Id).ValueGeneratedNever();
        e.Property(h => h.RegionCode).HasMaxLength(12).IsUnicode(false);
        e.Property(h => h.Pathway).HasMaxLength(32).IsUnicode(false);
        e.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        e.ComplexProperty(h => h.Guarantees, g =>
        {
            g.Property(x => x.FoodAndClothing).HasMaxLength(8).IsUnicode(false);
            g.Property(x => x.Education).HasMaxLength(8).IsUnicode(false);
            g.Property(x => x.Medical).HasMaxLength(8).IsUnicode(false);
            g.Property(x => x.Housing).HasMaxLength(8).IsUnicode(false);
            g.Property(x => x.Water).HasMaxLength(8).IsUnicode(false);
        });
        e.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdId);
        e.HasIndex(h => h.RegionCode);
        e.Ignore(h => h.IsRelocationCandidate);
        e.Ignore(h => h.CurrentPeople);
    }

    public void Configure(EntityTypeBuilder<RelocatedMember> e)
    {
        e.ToTable("Members");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
        e.Property(m => m.LabourCapacity).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.WorkWish).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.WorkWishReason).HasMaxLength(200);
        e.Ignore(m => m.HasLabour);
    }
}
