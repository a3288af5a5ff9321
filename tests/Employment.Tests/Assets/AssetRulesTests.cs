using Platform.Employment.Assets;
using Platform.Employment.Policy;

namespace Platform.Employment.Tests.Assets;

public sealed class AssetRulesTests
{
    [Fact]
    public void Huoqiu_100_chickens_earn_a_1500_yuan_subsidy()
    {
        var price = IndustrySubsidyRule.Price(new YearPolicy(), "chicken", 100);
        Assert.Equal(new SubsidyPrice("chicken", 1_500, 150_000), price);
    }

    [Fact]
    public void Items_are_matched_in_any_case_and_unknown_items_have_no_price()
    {
        Assert.Equal(1_500, IndustrySubsidyRule.Price(new YearPolicy(), " Chicken ", 1)!.Value.AmountFen);
        Assert.Null(IndustrySubsidyRule.Price(new YearPolicy(), "pig", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => IndustrySubsidyRule.Price(new YearPolicy(), "chicken", 0));
    }

    [Fact]
    public void A_year_can_add_its_own_rates()
    {
        var policy = new YearPolicy { IndustrySubsidyRatesFen = new(StringComparer.OrdinalIgnoreCase) { ["pig"] = 20_000 } };
        Assert.Equal(60_000, IndustrySubsidyRule.Price(policy, "pig", 3)!.Value.AmountFen);
        Assert.Throws<OverflowException>(() => IndustrySubsidyRule.Price(new YearPolicy { IndustrySubsidyRatesFen = new() { ["x"] = long.MaxValue / 2 } }, "x", 3));
    }

    [Theory]
    [InlineData(17_999_999L, true)]
    [InlineData(18_000_000L, false)]
    [InlineData(18_000_001L, false)]
    [InlineData(0L, true)]
    [InlineData(null, true)]
    public void Collective_income_exactly_at_the_standard_is_not_below(long? amount, bool below)
    {
        Assert.Equal(below, CollectiveIncomeRule.IsBelow(amount, new YearPolicy().CollectiveIncomeStandardFen));
    }

    [Fact]
    public void The_shortfall_is_what_is_missing_to_the_standard()
    {
        Assert.Equal(1, CollectiveIncomeRule.Shortfall(17_999_999, 18_000_000));
        Assert.Equal(18_000_000, CollectiveIncomeRule.Shortfall(null, 18_000_000));
        Assert.Equal(0, CollectiveIncomeRule.Shortfall(20_000_000, 18_000_000));
    }

    [Fact]
    public void Payment_ids_are_the_same_for_the_same_payment_and_differ_otherwise()
    {
        var project = Guid.CreateVersion7();
        var household = Guid.CreateVersion7();
        var id = DeterministicIds.DividendPayment(project, "2026", household);
        Assert.Equal(id, DeterministicIds.DividendPayment(project, "2026", household));
        Assert.NotEqual(id, DeterministicIds.DividendPayment(project, "2026-b", household));
        Assert.NotEqual(id, DeterministicIds.DividendPayment(project, "2026", Guid.CreateVersion7()));
        Assert.Equal(5, id.Version);
    }

    [Fact]
    public void Name_based_ids_follow_rfc_9562()
    {
        // RFC 9562 appendix A.4: the DNS namespace and "www.example.com".
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), DeterministicIds.NameBased(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
    }
}
