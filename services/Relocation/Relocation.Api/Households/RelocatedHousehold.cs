using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Relocation.Households;

/// <summary>A member's wish to work (就业意愿), as a job-seeking registration or a follow-up survey last said.</summary>
public enum WorkWish
{
    /// <summary>Not asked yet: a member with labour capacity of working age is presumed to seek work.</summary>
    Unknown,
    Wishes,
    DoesNotWish,
}

/// <summary>
/// The relocation service's replica of a registry household: the common part
/// (<see cref="ReplicaHousehold{TMember}"/>; its region is the origin village) and pathway, latest income
/// and guarantee status, each with the time of the event that set it.
/// </summary>
public sealed class RelocatedHousehold : ReplicaHousehold<RelocatedMember>
{
    /// <summary>The registry's planned way out ("Relocation" makes the household a relocation candidate).</summary>
    public string Pathway { get; set; } = "Unspecified";

    /// <summary>The latest year with a recorded income, its per-capita net income in fen, and when it was recorded.</summary>
    public int? IncomeYear { get; set; }

    public long? PerCapitaNetIncomeFen { get; set; }

    public DateTime? IncomeAsOf { get; set; }

    /// <summary>两不愁三保障 + safe water, as the assistance service last reported: "Met", "NotMet" or "Unknown".</summary>
    public GuaranteeStatus Guarantees { get; set; } = new();

    /// <summary>The assistance service's reasons for the guarantees not met.</summary>
    public List<string> GuaranteeReasons { get; set; } = [];

    public DateTime? GuaranteesAsOf { get; set; }

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
public sealed class RelocatedMember : ReplicaMember
{
    public WorkWish WorkWish { get; set; }

    /// <summary>Why the member does not wish to work (e.g. caring for a disabled parent), when a survey said so.</summary>
    public string? WorkWishReason { get; set; }

    public DateTime? WorkWishAsOf { get; set; }
}

internal sealed class RelocatedHouseholdConfiguration : IEntityTypeConfiguration<RelocatedHousehold>, IEntityTypeConfiguration<RelocatedMember>
{
    public void Configure(EntityTypeBuilder<RelocatedHousehold> e)
    {
        e.MapReplicaHousehold<RelocatedHousehold, RelocatedMember>();
        e.Property(h => h.Pathway).HasMaxLength(32).IsUnicode(false);
        e.ComplexProperty(h => h.Guarantees, g =>
        {
            g.Property(x => x.FoodAndClothing).HasMaxLength(8).IsUnicode(false);
            g.Property(x => x.Education).HasMaxLength(8).IsUnicode(false);
            g.Property(x => x.Medical).HasMaxLength(8).IsUnicode(false);
            g.Property(x => x.Housing).HasMaxLength(8).IsUnicode(false);
            g.Property(x => x.Water).HasMaxLength(8).IsUnicode(false);
        });
        e.Ignore(h => h.IsRelocationCandidate);
        e.Ignore(h => h.CurrentPeople);
    }

    public void Configure(EntityTypeBuilder<RelocatedMember> e)
    {
        e.MapReplicaMember("Members");
        e.Property(m => m.WorkWish).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.WorkWishReason).HasMaxLength(200);
    }
}
