using Platform.Relocation.Plans;
using Platform.Relocation.Sites;

namespace Platform.Relocation.Tests.Sites;

/// <summary>The pure rules of placing a household and of a site's standard, at their boundaries.</summary>
public sealed class SiteRulesTests
{
    private static readonly Guid Household = Guid.NewGuid();

    [Theory]
    [InlineData(9, 30, 4, true)]
    [InlineData(10, 30, 4, false)]
    [InlineData(9, 36, 4, true)]
    [InlineData(9, 37, 4, false)]
    public void Capacity_allows_filling_the_site_exactly_and_refuses_one_over(int households, int people, int moving, bool allowed)
    {
        var reason = PlacementRules.CheckCapacity(capacityHouseholds: 10, capacityPeople: 40, new SiteOccupancy(households, people), moving);
        Assert.Equal(allowed, reason is null);
    }

    [Fact]
    public void A_full_site_names_the_households_and_one_short_of_people_names_the_places()
    {
        Assert.Contains("10 of 10 households", PlacementRules.CheckCapacity(10, 40, new SiteOccupancy(10, 20), 1));
        Assert.Contains("38 of 40 places", PlacementRules.CheckCapacity(10, 40, new SiteOccupancy(5, 38), 3));
    }

    [Fact]
    public void A_unit_is_free_when_empty_or_already_the_same_households_and_taken_by_another()
    {
        Assert.Null(PlacementRules.CheckUnitFree(null, Household));
        Assert.Null(PlacementRules.CheckUnitFree(Household, Household));
        var other = Guid.NewGuid();
        Assert.Contains(other.ToString(), PlacementRules.CheckUnitFree(other, Household));
    }

    [Theory]
    [InlineData("75.00", 3, "25", true)]
    [InlineData("75.01", 3, "25", false)]
    [InlineData("60.00", 3, "20", true)]
    [InlineData("60.01", 3, "20", false)]
    [InlineData("20.00", 1, "20", true)]
    public void Area_may_reach_the_per_person_standard_exactly_and_not_go_above(string area, int people, string standard, bool allowed)
    {
        var reason = PlacementRules.CheckArea(decimal.Parse(area, System.Globalization.CultureInfo.InvariantCulture), people, decimal.Parse(standard, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(allowed, reason is null);
    }

    [Fact]
    public void A_complete_site_has_no_gaps()
    {
        Assert.Empty(SiteStandards.Gaps(Complete(), leadingIndustries: 1));
    }

    [Theory]
    [InlineData("School", "NoSchool")]
    [InlineData("Clinic", "NoClinic")]
    [InlineData("CommunityServiceCentre", "NoCommunityServiceCentre")]
    [InlineData("EmploymentServiceStation", "NoEmploymentServiceStation")]
    public void Each_missing_service_is_a_gap_of_its_own(string missing, string gap)
    {
        var services = Complete();
        typeof(PublicServices).GetProperty(missing)!.SetValue(services, false);
        Assert.Equal([gap], SiteStandards.Gaps(services, leadingIndustries: 2));
    }

    [Fact]
    public void A_site_without_a_leading_industry_is_listed_with_that_gap()
    {
        Assert.Equal([SiteStandards.NoLeadingIndustry], SiteStandards.Gaps(Complete(), leadingIndustries: 0));
        Assert.Equal(5, SiteStandards.Gaps(new PublicServices(), leadingIndustries: 0).Count);
    }

    [Fact]
    public void Areas_travel_as_exact_hundredths()
    {
        Assert.Equal(75.50m, SiteMapping.FromHundredths(7550));
        Assert.Equal(7550, SiteMapping.ToHundredths(75.50m));
        Assert.Equal(1, SiteMapping.ToHundredths(SiteMapping.FromHundredths(1)));
    }

    private static PublicServices Complete() => new() { School = true, Clinic = true, CommunityServiceCentre = true, EmploymentServiceStation = true };
}
