using Platform.Assistance.Health;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Tests.Health;

/// <summary>The out-of-pocket calculator and the large-expenditure crossing, in whole fen.</summary>
public sealed class MedicalCostsTests
{
    private static MedicalCosts Costs(long total, long compliant, long basic, long critical = 0, long assistance = 0, long other = 0) =>
        new(total, compliant, basic, critical, assistance, other);

    private static List<string> Problems(MedicalCosts costs)
    {
        var violations = new FieldViolations();
        costs.Validate(violations);
        return violations.Items.Select(v => v.Field).ToList();
    }

    [Fact]
    public void Out_of_pocket_is_the_compliant_cost_nobody_paid_and_the_family_also_pays_the_non_compliant_part()
    {
        var costs = Costs(total: 1_200_000, compliant: 1_000_000, basic: 700_000, critical: 150_000, assistance: 60_000, other: 10_000);

        Assert.Equal(80_000, costs.CompliantOutOfPocketFen);
        Assert.Equal(0.08m, costs.CompliantOutOfPocketShare);
        Assert.Equal(280_000, costs.FamilyPaysFen);
        Assert.Empty(Problems(costs));
    }

    [Fact]
    public void Exactly_ten_percent_is_within_the_limit_and_one_fen_more_is_above()
    {
        var atLimit = Costs(total: 1_000_000, compliant: 1_000_000, basic: 900_000);
        var justAbove = Costs(total: 1_000_000, compliant: 1_000_000, basic: 899_999);

        Assert.Equal(0.10m, atLimit.CompliantOutOfPocketShare);
        Assert.False(MedicalCosts.AboveLimit(atLimit.CompliantOutOfPocketFen, atLimit.CompliantFen, 0.10m));
        Assert.True(MedicalCosts.AboveLimit(justAbove.CompliantOutOfPocketFen, justAbove.CompliantFen, 0.10m));
    }

    [Fact]
    public void Nothing_compliant_has_a_share_of_zero()
    {
        var costs = Costs(total: 50_000, compliant: 0, basic: 0);

        Assert.Equal(0m, costs.CompliantOutOfPocketShare);
        Assert.False(MedicalCosts.AboveLimit(0, 0, 0.10m));
        Assert.Equal(50_000, costs.FamilyPaysFen);
    }

    [Fact]
    public void Payments_summing_to_more_than_the_compliant_cost_are_refused()
    {
        var costs = Costs(total: 1_000_000, compliant: 800_000, basic: 500_000, critical: 200_000, assistance: 100_001);

        Assert.Equal(["compliant_cost"], Problems(costs));
        Assert.Empty(Problems(costs with { MedicalAssistanceFen = 100_000 }));
    }

    [Fact]
    public void A_payment_above_the_compliant_cost_and_a_compliant_cost_above_the_total_name_their_fields()
    {
        Assert.Equal(["basic_insurance"], Problems(Costs(total: 1_000_000, compliant: 500_000, basic: 500_001)));
        Assert.Equal(["compliant_cost"], Problems(Costs(total: 100, compliant: 101, basic: 0)));
    }

    [Fact]
    public void Large_expenditure_needs_a_known_income_and_keeps_the_state_without_one()
    {
        var unknown = LargeExpenditureRule.Assess(900_000, null, 0.5m, wasAbove: true);

        Assert.Equal(new LargeExpenditureOutcome(false, true, false), unknown);
        Assert.False(LargeExpenditureRule.Assess(900_000, null, 0.5m, wasAbove: false).Crossed);
    }

    [Fact]
    public void Exactly_half_the_income_is_not_large_and_one_fen_more_crosses()
    {
        Assert.Equal(new LargeExpenditureOutcome(true, false, false), LargeExpenditureRule.Assess(1_000_000, 2_000_000, 0.5m, wasAbove: false));
        Assert.Equal(new LargeExpenditureOutcome(true, true, true), LargeExpenditureRule.Assess(1_000_001, 2_000_000, 0.5m, wasAbove: false));
    }

    [Fact]
    public void Staying_above_does_not_cross_again_but_falling_below_and_rising_again_does()
    {
        var stays = LargeExpenditureRule.Assess(1_500_000, 2_000_000, 0.5m, wasAbove: true);
        var fallsBelow = LargeExpenditureRule.Assess(1_500_000, 4_000_000, 0.5m, wasAbove: stays.Above);
        var crossesAgain = LargeExpenditureRule.Assess(2_500_000, 4_000_000, 0.5m, wasAbove: fallsBelow.Above);

        Assert.Equal((true, false), (stays.Above, stays.Crossed));
        Assert.Equal((false, false), (fallsBelow.Above, fallsBelow.Crossed));
        Assert.Equal((true, true), (crossesAgain.Above, crossesAgain.Crossed));
    }

    [Fact]
    public void With_no_income_at_all_any_out_of_pocket_cost_is_large_but_none_is_not()
    {
        Assert.True(LargeExpenditureRule.Assess(1, 0, 0.5m, wasAbove: false).Crossed);
        Assert.False(LargeExpenditureRule.Assess(0, 0, 0.5m, wasAbove: false).Above);
    }
}
