using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Identification;

/// <summary>A 五不录 rule the household's facts hit, with where the fact comes from and its evidence.</summary>
public sealed record FiveExclusionHit(string Rule, string Description, FactSource Source, string Evidence)
{
    public override string ToString() =>
        $"{Description} ({(Source == FactSource.CrossChecked ? "cross-checked" : "declared")}: {(Evidence.Length > 0 ? Evidence : "no evidence given")})";
}

/// <summary>
/// The five exclusions (五不录): a household is not registered if it owns a motor vehicle, has a newly
/// built house, owns urban commercial housing, has a member who is a public servant, or runs a
/// sizeable business. Rules are named by their HouseholdFacts field, which is what overrides list.
/// </summary>
public static class FiveExclusions
{
    private static readonly (string Rule, string Description, Func<HouseholdFacts, Fact?> Read)[] Rules =
    [
        ("owns_motor_vehicle", "owns a motor vehicle", f => f.OwnsMotorVehicle),
        ("has_newly_built_house", "has a newly built house", f => f.HasNewlyBuiltHouse),
        ("owns_urban_commercial_housing", "owns urban commercial housing", f => f.OwnsUrbanCommercialHousing),
        ("member_is_public_servant", "a member is a public servant", f => f.MemberIsPublicServant),
        ("runs_sizeable_business", "runs a sizeable business", f => f.RunsSizeableBusiness),
    ];

    /// <summary>Every rule whose fact is present, in the order of the rules; empty when none is.</summary>
    public static IReadOnlyList<FiveExclusionHit> Evaluate(HouseholdFacts facts) =>
        (from rule in Rules
         let fact = rule.Read(facts)
         where fact is { Present: true }
         select new FiveExclusionHit(rule.Rule, rule.Description, fact.Source, fact.Evidence)).ToList();

    /// <summary>The reason a case is closed with: every hit with its evidence.</summary>
    public static string Describe(IEnumerable<FiveExclusionHit> hits) => "五不录: " + string.Join("; ", hits);
}
