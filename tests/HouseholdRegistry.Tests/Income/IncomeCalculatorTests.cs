using Pa.Registry.V1;
using Platform.HouseholdRegistry.Income;
using Platform.HouseholdRegistry.Policy;

namespace Platform.HouseholdRegistry.Tests.Income;

public sealed class IncomeCalculatorTests
{
    private static readonly YearPolicy Policy = new();

    internal static IncomeEntry Entry(string category, long fen, IncomeKind kind = IncomeKind.Income, int year = 2025) => new()
    {
        Category = category,
        Kind = kind,
        AmountFen = fen,
        Year = year,
        Source = IncomeCategories.VillageSurvey,
        SourceReference = Guid.NewGuid().ToString(),
        RecordedBy = "test",
    };

    [Fact]
    public void Net_income_sums_every_income_component_and_rigid_expenditure_sums_the_expenditures()
    {
        var figures = IncomeCalculator.Compute(
        [
            Entry("wages", 1_200_000),
            Entry("production-net", -100_000),
            Entry("property", 50_000),
            Entry("transfer", 250_000),
            Entry("medical-expenditure", 300_000, IncomeKind.Expenditure),
            Entry("education-expenditure", 60_000, IncomeKind.Expenditure),
        ], memberCount: 3);

        Assert.Equal(1_400_000, figures.NetIncomeFen);
        Assert.Equal(360_000, figures.RigidExpenditureFen);
        Assert.Equal(3, figures.MemberCount);
        Assert.Equal(466_666, figures.PerCapitaNetIncomeFen);
        Assert.Equal(346_666, figures.ExpenditureAdjustedPerCapitaFen);
    }

    [Fact]
    public void Per_capita_figures_round_down_to_the_fen_also_for_a_loss()
    {
        Assert.Equal(333, IncomeCalculator.Compute([Entry("wages", 1_000)], 3).PerCapitaNetIncomeFen);
        Assert.Equal(-334, IncomeCalculator.Compute([Entry("production-net", -1_000)], 3).PerCapitaNetIncomeFen);
        Assert.Equal(-1, IncomeCalculator.Compute([Entry("wages", 1), Entry("medical-expenditure", 2, IncomeKind.Expenditure)], 2).ExpenditureAdjustedPerCapitaFen);
    }

    [Fact]
    public void The_most_negative_income_divides_to_a_loss_not_a_huge_income()
    {
        var figures = IncomeCalculator.Compute([Entry("wages", 1), Entry("production-net", long.MinValue)], 2);

        Assert.Equal(-4_611_686_018_427_387_904, figures.PerCapitaNetIncomeFen);
        Assert.Equal(long.MinValue / 2, IncomeCalculator.Compute([Entry("production-net", long.MinValue)], 2).PerCapitaNetIncomeFen);
        Assert.Equal(long.MinValue / 3 - 1, IncomeCalculator.Compute([Entry("production-net", long.MinValue)], 3).PerCapitaNetIncomeFen);
    }

    [Fact]
    public void Sums_beyond_64_bits_throw_instead_of_wrapping()
    {
        Assert.Throws<OverflowException>(() => IncomeCalculator.Compute([Entry("wages", long.MaxValue), Entry("production-net", long.MaxValue)], 2));
        Assert.Throws<OverflowException>(() => IncomeCalculator.Compute([Entry("production-net", long.MinValue), Entry("medical-expenditure", 1, IncomeKind.Expenditure)], 2));
    }

    [Fact]
    public void A_household_with_no_active_member_is_divided_by_one()
    {
        var figures = IncomeCalculator.Compute([Entry("transfer", 500_000)], 0);

        Assert.Equal(1, figures.MemberCount);
        Assert.Equal(500_000, figures.PerCapitaNetIncomeFen);
    }

    [Theory]
    [InlineData(599_999, IncomePosition.BelowLine)]
    [InlineData(600_000, IncomePosition.WithinBand)]
    [InlineData(649_999, IncomePosition.WithinBand)]
    [InlineData(650_000, IncomePosition.AboveBand)]
    public void Position_is_measured_against_the_line_and_the_band(long perCapita, IncomePosition expected) =>
        Assert.Equal(expected, IncomeCalculator.PositionOf(perCapita, Policy));

    [Theory]
    [InlineData(1_000_000, 500_000, false)]
    [InlineData(1_000_000, 500_001, true)]
    [InlineData(0, 1, true)]
    [InlineData(-50_000, 0, false)]
    public void Rigid_expenditure_is_large_beyond_the_share_of_net_income(long net, long rigid, bool large) =>
        Assert.Equal(large, IncomeCalculator.IsLargeRigidExpenditure(net, rigid, Policy));
}
