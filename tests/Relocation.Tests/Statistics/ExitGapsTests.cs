using Platform.Relocation.Households;
using Platform.HouseholdReplica;
using Platform.Relocation.Statistics;

namespace Platform.Relocation.Tests.Statistics;

public sealed class ExitGapsTests
{
    private const long Line = 600_000;

    private static RelocatedHousehold Household(long? perCapita, int? year = 2025, string guarantee = "Met") => new()
    {
        Id = Guid.NewGuid(),
        RegionCode = TestRegions.Village,
        Status = HouseholdStatus.Registered,
        IncomeYear = perCapita is null ? null : year,
        PerCapitaNetIncomeFen = perCapita,
        Guarantees = new GuaranteeStatus { FoodAndClothing = "Met", Education = "Met", Medical = "Met", Housing = guarantee, Water = "Met" },
    };

    private static IReadOnlyList<ExitGap> Gaps(RelocatedHousehold household, bool zeroEmployment = false) =>
        ExitGaps.Of(household, zeroEmployment, _ => Line);

    [Fact]
    public void An_income_exactly_at_the_line_is_not_a_gap()
    {
        Assert.Empty(Gaps(Household(Line)));
    }

    [Fact]
    public void One_fen_below_the_line_is_a_gap_with_the_figures()
    {
        var gap = Assert.Single(Gaps(Household(Line - 1)));
        Assert.Equal(ExitGapKind.IncomeBelowLine, gap.Kind);
        Assert.Equal(2025, gap.IncomeYear);
        Assert.Equal(Line - 1, gap.PerCapitaNetIncomeFen);
        Assert.Equal(Line, gap.PovertyLineFen);
    }

    [Fact]
    public void The_line_of_the_income_year_applies()
    {
        var household = Household(500_000, year: 2019);
        var gaps = ExitGaps.Of(household, false, year => year == 2019 ? 400_000 : Line);
        Assert.Empty(gaps);
    }

    [Fact]
    public void No_income_recorded_is_income_unknown()
    {
        Assert.Equal(ExitGapKind.IncomeUnknown, Assert.Single(Gaps(Household(null))).Kind);
    }

    [Theory]
    [InlineData("NotMet")]
    [InlineData("Unknown")]
    public void Each_guarantee_not_met_is_a_gap_with_its_state_and_the_reasons(string state)
    {
        var household = Household(Line, guarantee: state);
        household.GuaranteeReasons = ["Dangerous house"];
        var gap = Assert.Single(Gaps(household));
        Assert.Equal(ExitGapKind.GuaranteeNotMet, gap.Kind);
        Assert.Equal("Housing", gap.Guarantee);
        Assert.Equal(state, gap.GuaranteeState);
        Assert.Equal(["Dangerous house"], gap.Reasons);
    }

    [Fact]
    public void A_new_household_lacks_every_guarantee_and_its_income()
    {
        var household = new RelocatedHousehold { Id = Guid.NewGuid(), RegionCode = TestRegions.Village };
        var gaps = Gaps(household);
        Assert.Equal(6, gaps.Count);
        Assert.Equal(5, gaps.Count(g => g.Kind == ExitGapKind.GuaranteeNotMet));
    }

    [Fact]
    public void A_zero_employment_family_has_that_gap()
    {
        Assert.Equal(ExitGapKind.ZeroEmployment, Assert.Single(Gaps(Household(Line), zeroEmployment: true)).Kind);
    }
}
