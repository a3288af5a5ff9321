using Platform.Employment.Welfare;

namespace Platform.Employment.Tests.Welfare;

/// <summary>The pure rules: post pay per month with its cap, the workshop subsidy's year and headcount boundaries, payment ids.</summary>
public sealed class WelfareRuleTests
{
    private const long Cap = 80_000;

    [Theory]
    [InlineData(20, 3_000, 60_000, false)]
    [InlineData(7, 5_000, 35_000, false)]
    public void Pay_is_units_times_rate(int units, long rate, long expected, bool capped)
    {
        var pay = PostPayCalculator.Monthly(units, rate, Cap);
        Assert.Equal((units, expected, expected, capped), (pay.Units, pay.GrossFen, pay.AmountFen, pay.Capped));
    }

    [Fact]
    public void Pay_exactly_at_the_cap_is_not_capped_and_one_fen_more_is()
    {
        Assert.Equal(new PostPay(16, 80_000, 80_000, false), PostPayCalculator.Monthly(16, 5_000, Cap));
        Assert.Equal(new PostPay(1, 80_001, 80_000, true), PostPayCalculator.Monthly(1, 80_001, Cap));
        Assert.Equal(new PostPay(31, 155_000, 80_000, true), PostPayCalculator.Monthly(31, 5_000, Cap));
    }

    [Fact]
    public void No_days_or_tasks_pay_nothing()
    {
        Assert.Equal(new PostPay(0, 0, 0, false), PostPayCalculator.Monthly(0, 5_000, Cap));
    }

    [Fact]
    public void Negative_inputs_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PostPayCalculator.Monthly(-1, 5_000, Cap));
        Assert.Throws<ArgumentOutOfRangeException>(() => PostPayCalculator.Monthly(1, -5_000, Cap));
    }

    private static List<EmploymentPeriod> Employed(int count, DateOnly hiredOn, DateOnly? leftOn = null) =>
        Enumerable.Range(0, count).Select(_ => new EmploymentPeriod(Guid.NewGuid(), hiredOn, leftOn)).ToList();

    [Fact]
    public void Below_the_minimum_headcount_there_is_no_subsidy_and_at_it_every_employee_counts_in_full()
    {
        var four = Employed(4, new DateOnly(2025, 6, 1));
        Assert.Equal(new WorkshopSubsidyResult(4, 5, 100_000, 0), WorkshopSubsidyRule.For(four, 2025, 100_000, 5));

        var five = Employed(5, new DateOnly(2025, 6, 1));
        Assert.Equal(new WorkshopSubsidyResult(5, 5, 100_000, 500_000), WorkshopSubsidyRule.For(five, 2025, 100_000, 5));
    }

    [Fact]
    public void One_day_in_the_year_counts_and_a_day_outside_does_not()
    {
        var periods = new List<EmploymentPeriod>
        {
            new(Guid.NewGuid(), new DateOnly(2025, 12, 31), null),
            new(Guid.NewGuid(), new DateOnly(2024, 3, 1), new DateOnly(2025, 1, 1)),
            new(Guid.NewGuid(), new DateOnly(2024, 3, 1), new DateOnly(2024, 12, 31)),
            new(Guid.NewGuid(), new DateOnly(2026, 1, 1), null),
        };

        Assert.Equal(2, WorkshopSubsidyRule.For(periods, 2025, 100_000, 1).PoorEmployees);
    }

    [Fact]
    public void A_rehired_labourer_counts_once()
    {
        var labourer = Guid.NewGuid();
        var periods = new List<EmploymentPeriod>
        {
            new(labourer, new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)),
            new(labourer, new DateOnly(2025, 9, 1), null),
        };

        Assert.Equal(new WorkshopSubsidyResult(1, 1, 100_000, 100_000), WorkshopSubsidyRule.For(periods, 2025, 100_000, 1));
    }

    [Fact]
    public void Payment_ids_are_the_same_for_the_same_assignment_and_month_and_differ_otherwise()
    {
        var assignment = Guid.NewGuid();
        var id = PaymentIds.ForPostPay(assignment, 2026, 2);

        Assert.Equal(id, PaymentIds.ForPostPay(assignment, 2026, 2));
        Assert.NotEqual(id, PaymentIds.ForPostPay(assignment, 2026, 3));
        Assert.NotEqual(id, PaymentIds.ForPostPay(Guid.NewGuid(), 2026, 2));
        Assert.Equal(5, id.Version);
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), PaymentIds.NameBasedIn(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));
    }
}
