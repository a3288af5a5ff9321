using Pa.Registry.V1;
using Platform.HouseholdRegistry.Screening;

namespace Platform.HouseholdRegistry.Tests.Screening;

public sealed class ConflictOfInterestTests
{
    [Theory]
    [InlineData(CadreKind.VillageCadre)]
    [InlineData(CadreKind.TownshipCadre)]
    [InlineData(CadreKind.PublicFinanceStaff)]
    public void A_relative_who_is_a_cadre_or_public_finance_staff_must_be_filed(CadreKind kind)
    {
        var facts = new HouseholdFacts { CadreKinships = { new CadreKinship { Kind = kind, CadreName = "李主任", Relation = "子女", WorkUnit = "镇政府" } } };

        Assert.True(ConflictOfInterest.Evaluate(facts));
    }

    [Fact]
    public void A_household_without_cadre_kinships_is_not_filed()
    {
        Assert.False(ConflictOfInterest.Evaluate(new HouseholdFacts()));
        Assert.False(ConflictOfInterest.Evaluate(new HouseholdFacts { CadreKinships = { new CadreKinship { Kind = CadreKind.Unspecified, CadreName = "?" } } }));
    }
}
