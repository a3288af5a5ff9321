using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Assistance.Guarantees;

/// <summary>两不愁三保障 plus safe drinking water: the five things that must hold before a household exits.</summary>
public enum Guarantee
{
    /// <summary>不愁吃、不愁穿, declared by the village.</summary>
    FoodAndClothing,

    /// <summary>义务教育有保障 (控辍保学).</summary>
    Education,

    /// <summary>基本医疗有保障.</summary>
    Medical,

    /// <summary>住房安全有保障.</summary>
    Housing,

    /// <summary>饮水安全有保障.</summary>
    Water,
}

public enum GuaranteeState
{
    /// <summary>No record decides it yet; blocks exit like NotMet.</summary>
    Unknown,
    Met,
    NotMet,
}

/// <summary>The verdict on one guarantee: state, the reason in words, and the record that decided it (e.g. "appraisal:…").</summary>
public sealed record GuaranteeFinding(GuaranteeState State, string Reason, string DecidingRecord)
{
    public static GuaranteeFinding Unknown(string reason) => new(GuaranteeState.Unknown, reason, "");

    public static GuaranteeFinding Met(string reason, string record) => new(GuaranteeState.Met, reason, record);

    public static GuaranteeFinding NotMet(string reason, string record) => new(GuaranteeState.NotMet, reason, record);
}

/// <summary>One guarantee as stored: the finding's three parts.</summary>
public sealed class StoredFinding
{
    public GuaranteeState State { get; set; }

    public string Reason { get; set; } = "";

    public string DecidingRecord { get; set; } = "";

    public GuaranteeFinding ToFinding() => new(State, Reason, DecidingRecord);

    public static StoredFinding From(GuaranteeFinding f) => new() { State = f.State, Reason = f.Reason, DecidingRecord = f.DecidingRecord };
}

/// <summary>The current assessment of a household's five guarantees; the row the registry's copy follows.</summary>
public sealed class HouseholdGuarantees
{
    public Guid HouseholdId { get; set; }

    public required string RegionCode { get; set; }

    public StoredFinding FoodAndClothing { get; set; } = new();

    public StoredFinding Education { get; set; } = new();

    public StoredFinding Medical { get; set; } = new();

    public StoredFinding Housing { get; set; } = new();

    public StoredFinding Water { get; set; } = new();

    /// <summary>All five met: the guarantee half of exit eligibility.</summary>
    public bool AllMet { get; set; }

    /// <summary>When any finding last changed; strictly increasing per household, so the registry can drop stale copies.</summary>
    public DateTime ChangedAt { get; set; }

    public DateTime AssessedAt { get; set; }

    public StoredFinding Get(Guarantee g) => g switch
    {
        Guarantee.FoodAndClothing => FoodAndClothing,
        Guarantee.Education => Education,
        Guarantee.Medical => Medical,
        Guarantee.Housing => Housing,
        _ => Water,
    };

    public void Set(Guarantee g, GuaranteeFinding f)
    {
        var stored = StoredFinding.From(f);
        switch (g)
        {
            case Guarantee.FoodAndClothing: FoodAndClothing = stored; break;
            case Guarantee.Education: Education = stored; break;
            case Guarantee.Medical: Medical = stored; break;
            case Guarantee.Housing: Housing = stored; break;
            default: Water = stored; break;
        }
    }
}

internal sealed class HouseholdGuaranteesConfiguration : IEntityTypeConfiguration<HouseholdGuarantees>
{
    public void Configure(EntityTypeBuilder<HouseholdGuarantees> e)
    {
        e.ToTable("HouseholdGuarantees");
        e.HasKey(g => g.HouseholdId);
        e.Property(g => g.RegionCode).HasMaxLength(12).IsUnicode(false);
        // Complex types, not owned entities: five findings per row without five more tracked entries each (bulk reassessment).
        Finding(e.ComplexProperty(g => g.FoodAndClothing), nameof(Guarantee.FoodAndClothing));
        Finding(e.ComplexProperty(g => g.Education), nameof(Guarantee.Education));
        Finding(e.ComplexProperty(g => g.Medical), nameof(Guarantee.Medical));
        Finding(e.ComplexProperty(g => g.Housing), nameof(Guarantee.Housing));
        Finding(e.ComplexProperty(g => g.Water), nameof(Guarantee.Water));
        e.HasIndex(g => new { g.RegionCode, g.AllMet });
    }

    private static void Finding(ComplexPropertyBuilder<StoredFinding> finding, string name)
    {
        finding.Property(f => f.State).HasConversion<string>().HasMaxLength(8).HasColumnName($"{name}State");
        finding.Property(f => f.Reason).HasMaxLength(400).HasColumnName($"{name}Reason");
        finding.Property(f => f.DecidingRecord).HasMaxLength(80).HasColumnName($"{name}Record");
    }
}
