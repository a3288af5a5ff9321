using Pa.Registry.V1;
using Platform.HouseholdRegistry.Income;
using Platform.HouseholdRegistry.Monitoring;
using Platform.HouseholdRegistry.Policy;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Tests.Income;

public sealed class ExitEligibilityTests
{
    private static readonly YearPolicy Policy = new();

    internal static GuaranteeSnapshot AllMet() => new()
    {
        FoodAndClothing = GuaranteeState.Met,
        Education = GuaranteeState.Met,
        Medical = GuaranteeState.Met,
        Housing = GuaranteeState.Met,
        Water = GuaranteeState.Met,
        ChangedAt = new DateTime(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc),
    };

    private static Household Registered() => new() { RegionCode = Seeded.Qilipeng, AppliedBy = "test", Status = HouseholdStatus.Registered, MonitoringCategory = MonitoringCategory.None };

    private static IncomeYearSummary Income(long perCapita, long adjusted) =>
        new() { Year = 2025, PerCapitaNetIncomeFen = perCapita, ExpenditureAdjustedPerCapitaFen = adjusted, MemberCount = 3 };

    [Fact]
    public void A_registered_household_exactly_at_the_line_with_every_guarantee_met_is_eligible() =>
        Assert.Empty(ExitEligibility.Evaluate(Registered(), Income(600_000, 600_000), AllMet(), Policy));

    [Fact]
    public void One_fen_below_the_line_is_not_eligible()
    {
        var reason = Assert.Single(ExitEligibility.Evaluate(Registered(), Income(599_999, 599_999), AllMet(), Policy));
        Assert.Contains("per-capita net income 5999.99 yuan of 2025 is below the poverty line 6000.00 yuan", reason);
    }

    [Fact]
    public void Rigid_expenditure_that_pulls_income_below_the_line_blocks_exit()
    {
        var reason = Assert.Single(ExitEligibility.Evaluate(Registered(), Income(700_000, 599_999), AllMet(), Policy));
        Assert.Contains("after rigid expenditure", reason);
    }

    [Fact]
    public void No_recorded_income_blocks_exit() =>
        Assert.Contains("no income has been recorded", ExitEligibility.Evaluate(Registered(), null, AllMet(), Policy));

    [Theory]
    [InlineData(HouseholdStatus.Applied)]
    [InlineData(HouseholdStatus.Exited)]
    [InlineData(HouseholdStatus.Monitored)]
    public void Only_a_registered_household_may_exit(HouseholdStatus status)
    {
        var household = Registered();
        household.Status = status;

        Assert.Equal($"household is {status}, not registered", Assert.Single(ExitEligibility.Evaluate(household, Income(700_000, 700_000), AllMet(), Policy)));
    }

    [Fact]
    public void Guarantees_not_reported_block_exit() =>
        Assert.Contains("not been reported", Assert.Single(ExitEligibility.Evaluate(Registered(), Income(700_000, 700_000), null, Policy)));

    [Fact]
    public void Each_guarantee_not_met_or_unknown_is_a_reason_of_its_own()
    {
        var guarantees = AllMet();
        guarantees.Housing = GuaranteeState.NotMet;
        guarantees.Water = GuaranteeState.Unknown;

        var reasons = ExitEligibility.Evaluate(Registered(), Income(700_000, 700_000), guarantees, Policy);

        Assert.Equal(["guarantee housing safety is not met", "guarantee safe drinking water is unknown"], reasons);
    }

    [Fact]
    public void A_household_in_sudden_hardship_may_not_exit()
    {
        var household = Registered();
        household.MonitoringCategory = MonitoringCategory.SuddenHardship;

        Assert.Contains("sudden severe hardship", Assert.Single(ExitEligibility.Evaluate(household, Income(700_000, 700_000), AllMet(), Policy)));
    }
}
