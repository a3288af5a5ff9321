using Platform.Relocation.Households;

namespace Platform.Relocation.Statistics;

/// <summary>What keeps a relocated household from exiting poverty.</summary>
public enum ExitGapKind
{
    IncomeBelowLine = 1,
    IncomeUnknown = 2,
    GuaranteeNotMet = 3,
    ZeroEmployment = 4,
}

/// <summary>
/// One gap. Income gaps carry the year, the household's per-capita net income and that year's line
/// (whole fen); guarantee gaps carry the guarantee, its state and the household's reasons.
/// </summary>
public sealed record ExitGap(ExitGapKind Kind)
{
    public int? IncomeYear { get; init; }

    public long? PerCapitaNetIncomeFen { get; init; }

    public long? PovertyLineFen { get; init; }

    public string? Guarantee { get; init; }

    public string? GuaranteeState { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];
}

/// <summary>
/// "搬迁一户、脱贫一户": the gaps of a relocated household that has not exited — income below the
/// poverty line of its income year (an income exactly at the line is not a gap), no income recorded,
/// each guarantee not "Met", and zero employment. Which households are asked about (moved in, not
/// exited) is the query's business.
/// </summary>
public static class ExitGaps
{
    public static IReadOnlyList<ExitGap> Of(RelocatedHousehold household, bool isZeroEmployment, Func<int, long> povertyLineFen)
    {
        var gaps = new List<ExitGap>();
        if (household is { IncomeYear: { } year, PerCapitaNetIncomeFen: { } income })
        {
            var line = povertyLineFen(year);
            if (income < line)
            {
                gaps.Add(new ExitGap(ExitGapKind.IncomeBelowLine) { IncomeYear = year, PerCapitaNetIncomeFen = income, PovertyLineFen = line });
            }
        }
        else
        {
            gaps.Add(new ExitGap(ExitGapKind.IncomeUnknown));
        }

        var states = new Dictionary<string, string>
        {
            ["FoodAndClothing"] = household.Guarantees.FoodAndClothing,
            ["Education"] = household.Guarantees.Education,
            ["Medical"] = household.Guarantees.Medical,
            ["Housing"] = household.Guarantees.Housing,
            ["Water"] = household.Guarantees.Water,
        };
        gaps.AddRange(household.Guarantees.Gaps().Select(g => new ExitGap(ExitGapKind.GuaranteeNotMet)
        {
            Guarantee = g,
            GuaranteeState = states[g],
            Reasons = household.GuaranteeReasons,
        }));

        if (isZeroEmployment)
        {
            gaps.Add(new ExitGap(ExitGapKind.ZeroEmployment));
        }

        return gaps;
    }
}
