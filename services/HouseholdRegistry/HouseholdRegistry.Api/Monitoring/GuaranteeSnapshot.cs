using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pa.Registry.V1;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Monitoring;

/// <summary>
/// The last guarantee status the assistance service reported for a household (两不愁三保障 plus
/// safe drinking water). The assistance service owns the assessment; the registry keeps this
/// copy because exit and risk elimination depend on it.
/// </summary>
public sealed class GuaranteeSnapshot
{
    public GuaranteeState FoodAndClothing { get; set; }

    public GuaranteeState Education { get; set; }

    public GuaranteeState Medical { get; set; }

    public GuaranteeState Housing { get; set; }

    public GuaranteeState Water { get; set; }

    public List<string> Reasons { get; set; } = [];

    /// <summary>When the assistance service assessed it; an older report never replaces a newer one.</summary>
    public DateTime ChangedAt { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>Each guarantee with its name, in the order the reports list them.</summary>
    public IEnumerable<(string Name, GuaranteeState State)> All =>
    [
        ("food and clothing", FoodAndClothing),
        ("compulsory education", Education),
        ("basic medical care", Medical),
        ("housing safety", Housing),
        ("safe drinking water", Water),
    ];

    /// <summary>"Met", "NotMet" or "Unknown" as the assistance service sends them; anything else counts as unknown.</summary>
    public static GuaranteeState Parse(string? value) => value switch
    {
        "Met" => GuaranteeState.Met,
        "NotMet" => GuaranteeState.NotMet,
        _ => GuaranteeState.Unknown,
    };

    /// <summary>Why the guarantees block exit or risk elimination: every guarantee not known to be met.</summary>
    public static IReadOnlyList<string> Blockers(GuaranteeSnapshot? guarantees) =>
        guarantees is null
            ? ["guarantee status has not been reported by the assistance service"]
            : guarantees.All.Where(g => g.State != GuaranteeState.Met)
                .Select(g => $"guarantee {g.Name} is {(g.State == GuaranteeState.NotMet ? "not met" : "unknown")}")
                .ToList();

    /// <summary>Reasons are mostly Chinese text; kept readable in the column rather than \u-escaped.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static void Configure(OwnedNavigationBuilder<Household, GuaranteeSnapshot> g)
    {
        g.ToTable("GuaranteeSnapshots");
        g.WithOwner().HasForeignKey("HouseholdSeq");
        g.Property(x => x.Reasons)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<string>>(v, Json) ?? new List<string>(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, r) => HashCode.Combine(h, r)), v => v.ToList()))
            .HasColumnName("ReasonsJson");
    }
}
