using Pa.Registry.V1;
using Platform.HouseholdRegistry.Demo;
using Platform.Security;
using Platform.ServiceDefaults;
using RegionLevel = Platform.Security.RegionLevel;

namespace Platform.HouseholdRegistry.Tests.Demo;

public sealed class DemoCountyPlanTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void The_cause_mix_is_Huoqiu_s()
    {
        var households = new DemoCountyPlan(10_000).Households(Today).ToList();

        double Share(PovertyCause cause) => households.Count(h => h.PrimaryCause == cause) / (double)households.Count;
        Assert.Equal(0.589, Share(PovertyCause.Illness), 3);
        Assert.Equal(0.089, Share(PovertyCause.Disability), 3);
        Assert.Equal(0.090, Share(PovertyCause.Schooling), 3);
        Assert.Equal(0.080, Share(PovertyCause.LackOfLabour), 3);
        Assert.Equal(0.152, 1 - Share(PovertyCause.Illness) - Share(PovertyCause.Disability) - Share(PovertyCause.Schooling) - Share(PovertyCause.LackOfLabour), 3);
    }

    [Fact]
    public void Every_national_ID_is_valid_unique_and_agrees_with_birth_date_and_sex()
    {
        var members = new DemoCountyPlan(3_000).Households(Today).SelectMany(h => h.Members).ToList();

        Assert.Equal(members.Count, members.Select(m => m.NationalId).Distinct().Count());
        Assert.All(members, m =>
        {
            Assert.Equal(NationalIdProblem.None, NationalId.Check(m.NationalId, Today, out var facts));
            Assert.Equal(facts.BirthDate, m.BirthDate.ToDateOnly());
            Assert.Equal(facts.IsMale ? Sex.Male : Sex.Female, m.Sex);
        });
        Assert.InRange(members.Count / 3_000.0, 2.8, 4.2);
    }

    [Fact]
    public void Every_household_is_a_valid_application_with_exactly_one_head()
    {
        foreach (var household in new DemoCountyPlan(2_000).Households(Today))
        {
            var request = new CreateHouseholdApplicationRequest { RegionCode = household.VillageCode, Address = household.Address, PrimaryCause = household.PrimaryCause };
            request.OtherCauses.AddRange(household.OtherCauses);
            request.Members.AddRange(household.Members);
            var violations = new FieldViolations();
            Platform.HouseholdRegistry.Households.ApplicationRules.Validate(request, Today, violations);
            Assert.False(violations.Any, string.Join("; ", violations.Items.Select(v => $"{v.Field}: {v.Description}")));
        }
    }

    [Fact]
    public void Every_workflow_stage_is_represented_and_the_plan_is_deterministic()
    {
        var first = new DemoCountyPlan(5_000).Households(Today).ToList();
        var second = new DemoCountyPlan(5_000).Households(Today).ToList();

        Assert.All(Enum.GetValues<DemoStage>(), stage => Assert.Contains(first, h => h.Stage == stage));
        Assert.Equal(first.Select(h => h.Members[0].NationalId), second.Select(h => h.Members[0].NationalId));
    }

    [Fact]
    public void Regions_form_a_county_of_townships_and_villages_and_households_use_its_villages()
    {
        var plan = new DemoCountyPlan(1_000);
        var regions = plan.Regions();
        var villages = regions.Where(r => r.Level == RegionLevel.Village).Select(r => r.Code).ToHashSet();

        Assert.Single(regions, r => r.Level == RegionLevel.County);
        Assert.All(regions.Where(r => r.Level != RegionLevel.County), r => Assert.Contains(regions, p => p.Code == r.ParentCode));
        Assert.All(plan.Households(Today), h => Assert.Contains(h.VillageCode, villages));
        Assert.All(regions.Where(r => r.Level == RegionLevel.Village), r => Assert.True(r.RuralPopulation > 0));
        Assert.Equal((1_000 + 2) / 3, plan.Helpers().Count);
    }
}
