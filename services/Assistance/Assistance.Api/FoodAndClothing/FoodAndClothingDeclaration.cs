using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Households;

namespace Platform.Assistance.FoodAndClothing;

/// <summary>The village's declaration that a household has (or lacks) enough to eat and wear (不愁吃、不愁穿). Every declaration is kept; the latest counts.</summary>
public sealed class FoodAndClothingDeclaration
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public bool Secure { get; set; }

    public string Note { get; set; } = "";

    public required string DeclaredBy { get; set; }

    public required string DeclaredByRegion { get; set; }

    public DateTime DeclaredAt { get; set; }
}

/// <summary>不愁吃、不愁穿: decided by the village's latest declaration; none yet is unknown.</summary>
public sealed class FoodAndClothingRule : IGuaranteeRule
{
    public Guarantee Guarantee => Guarantee.FoodAndClothing;

    public static GuaranteeFinding Decide(FoodAndClothingDeclaration? latest) => latest switch
    {
        null => GuaranteeFinding.Unknown("the village has not declared food and clothing secure"),
        { Secure: true } => GuaranteeFinding.Met($"declared secure by the village on {latest.DeclaredAt:yyyy-MM-dd}", $"declaration:{latest.Id}"),
        _ => GuaranteeFinding.NotMet($"declared not secure by the village: {latest.Note}", $"declaration:{latest.Id}"),
    };

    public async Task<IReadOnlyDictionary<Guid, GuaranteeFinding>> AssessAsync(AssistanceDbContext db, IReadOnlyList<AssistedHousehold> households, AssessmentDay day, CancellationToken ct)
    {
        var ids = households.Select(h => h.Id).ToList();
        var declarations = await db.Set<FoodAndClothingDeclaration>().Where(d => ids.Contains(d.HouseholdId)).ToListAsync(ct);
        return declarations
            .GroupBy(d => d.HouseholdId)
            .ToDictionary(g => g.Key, g => Decide(g.OrderBy(d => d.DeclaredAt).ThenBy(d => d.Id).Last()));
    }
}

internal sealed class FoodAndClothingDeclarationConfiguration : IEntityTypeConfiguration<FoodAndClothingDeclaration>
{
    public void Configure(EntityTypeBuilder<FoodAndClothingDeclaration> e)
    {
        e.ToTable("FoodAndClothingDeclarations");
        e.HasKey(d => d.Id);
        e.Property(d => d.Note).HasMaxLength(400);
        e.Property(d => d.DeclaredBy).HasMaxLength(128);
        e.Property(d => d.DeclaredByRegion).HasMaxLength(12);
        e.HasIndex(d => new { d.HouseholdId, d.DeclaredAt });
    }
}
