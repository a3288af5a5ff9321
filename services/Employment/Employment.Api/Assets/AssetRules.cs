using Platform.Employment.Policy;

namespace Platform.Employment.Assets;

/// <summary>An industry subsidy as the rate table prices it.</summary>
public readonly record struct SubsidyPrice(string Item, long RatePerUnitFen, long AmountFen);

/// <summary>Industry awards and subsidies (产业奖补): units × the year's rate for the item, exactly in fen.</summary>
public static class IndustrySubsidyRule
{
    /// <summary>The price, or null when the year's table has no rate for the item.</summary>
    public static SubsidyPrice? Price(YearPolicy policy, string item, int units)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        var key = item.Trim().ToLowerInvariant();
        var rate = policy.IndustrySubsidyRatesFen.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase));
        return rate.Key is null ? null : new SubsidyPrice(key, rate.Value, checked(rate.Value * units));
    }
}

/// <summary>The standard for a village collective's income (村集体经济收入, e.g. 180,000 yuan a year).</summary>
public static class CollectiveIncomeRule
{
    /// <summary>
    /// Below the standard when the income is less than it; exactly the standard meets it. A village
    /// without a record for the year (null) counts as below: it has not shown that it meets the standard.
    /// </summary>
    public static bool IsBelow(long? amountFen, long standardFen) => amountFen is not { } amount || amount < standardFen;

    public static long Shortfall(long? amountFen, long standardFen) => Math.Max(0, standardFen - (amountFen ?? 0));
}
