using Pa.Registry.V1;
using Platform.HouseholdRegistry.Identification;

namespace Platform.HouseholdRegistry.Tests.Identification;

public sealed class FiveExclusionsTests
{
    private static Fact Present(string evidence, FactSource source = FactSource.Declared) => new() { Present = true, Source = source, Evidence = evidence };

    [Fact]
    public void All_absent_or_unset_facts_hit_nothing()
    {
        Assert.Empty(FiveExclusions.Evaluate(new HouseholdFacts()));
        var absent = new Fact { Present = false, Source = FactSource.CrossChecked, Evidence = "公安车辆登记: 无" };
        Assert.Empty(FiveExclusions.Evaluate(new HouseholdFacts
        {
            OwnsMotorVehicle = absent,
            HasNewlyBuiltHouse = absent,
            OwnsUrbanCommercialHousing = absent,
            MemberIsPublicServant = absent,
            RunsSizeableBusiness = absent,
            LivesInDangerousHouse = Present("土坯房"),
            SufferedSeriousDisaster = Present("2025 洪灾"),
        }));
    }

    public static TheoryData<string, string> Items => new()
    {
        { "owns_motor_vehicle", "owns a motor vehicle" },
        { "has_newly_built_house", "has a newly built house" },
        { "owns_urban_commercial_housing", "owns urban commercial housing" },
        { "member_is_public_servant", "a member is a public servant" },
        { "runs_sizeable_business", "runs a sizeable business" },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public void Each_item_is_hit_alone_with_its_evidence_and_source(string rule, string description)
    {
        var facts = new HouseholdFacts();
        HouseholdFacts.Descriptor.FindFieldByName(rule).Accessor.SetValue(facts, Present("证据 " + rule, FactSource.CrossChecked));

        var hit = Assert.Single(FiveExclusions.Evaluate(facts));
        Assert.Equal(rule, hit.Rule);
        Assert.Equal(FactSource.CrossChecked, hit.Source);
        Assert.Equal("证据 " + rule, hit.Evidence);
        Assert.Contains(description, FiveExclusions.Describe([hit]));
        Assert.Contains("证据 " + rule, FiveExclusions.Describe([hit]));
        Assert.Contains("cross-checked", FiveExclusions.Describe([hit]));
    }

    [Fact]
    public void Combinations_name_every_hit_in_rule_order()
    {
        var facts = new HouseholdFacts
        {
            RunsSizeableBusiness = Present("工商登记 养殖公司"),
            OwnsMotorVehicle = Present("皖N·12345", FactSource.CrossChecked),
            MemberIsPublicServant = Present(""),
        };

        var hits = FiveExclusions.Evaluate(facts);

        Assert.Equal(["owns_motor_vehicle", "member_is_public_servant", "runs_sizeable_business"], hits.Select(h => h.Rule));
        var reason = FiveExclusions.Describe(hits);
        Assert.Contains("皖N·12345", reason);
        Assert.Contains("工商登记 养殖公司", reason);
        Assert.Contains("a member is a public servant (declared: no evidence given)", reason);
    }
}
