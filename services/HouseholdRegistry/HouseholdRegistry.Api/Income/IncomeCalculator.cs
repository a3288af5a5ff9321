using Pa.Registry.V1;
using Platform.HouseholdRegistry.Policy;

namespace Platform.HouseholdRegistry.Income;

/// <summary>The figures of one household year computed from its entries.</summary>
public sealed record IncomeFigures(
    long NetIncomeFen,
    long RigidExpenditureFen,
    int MemberCount,
    long PerCapitaNetIncomeFen,
    long ExpenditureAdjustedPerCapitaFen);

/// <summary>
/// Household net income (收入法) and expenditure-adjusted income (支出法) of a year. Per-capita
/// figures are rounded down to the whole fen (towards negative infinity), so rounding can never
/// lift a household over the poverty line or the monitoring band. Sums are checked: the survey
/// bounds its amounts, but entries reported by other services are added too, and a wrapped sum
/// would turn a huge loss into a huge income. An overflow throws, and the call answers
/// FAILED_PRECONDITION instead of storing a wrong figure.
/// </summary>
public static class IncomeCalculator
{
    /// <param name="memberCount">Active members; a household always has its head, so fewer than one counts as one.</param>
    public static IncomeFigures Compute(IEnumerable<IncomeEntry> entries, int memberCount)
    {
        var list = entries.ToList();
        var net = list.Where(e => e.Kind == IncomeKind.Income).Sum(e => e.AmountFen);
        var rigid = list.Where(e => e.Kind == IncomeKind.Expenditure).Sum(e => e.AmountFen);
        var members = Math.Max(1, memberCount);
        return new IncomeFigures(net, rigid, members, FloorDivide(net, members), FloorDivide(checked(net - rigid), members));
    }

    public static IncomePosition PositionOf(long perCapitaFen, YearPolicy policy) =>
        perCapitaFen < policy.PovertyLineFen ? IncomePosition.BelowLine
        : perCapitaFen < policy.MonitoringBandUpperFen ? IncomePosition.WithinBand
        : IncomePosition.AboveBand;

    /// <summary>Rigid expenditure beyond the year's share of net income (any expenditure when there is no positive income).</summary>
    public static bool IsLargeRigidExpenditure(long netIncomeFen, long rigidExpenditureFen, YearPolicy policy) =>
        rigidExpenditureFen > 0 && rigidExpenditureFen > Math.Max(0, netIncomeFen) * policy.LargeRigidExpenditureShare;

    /// <summary>An amount as officers read it, e.g. "6000.00 yuan".</summary>
    public static string Yuan(long fen) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{fen / 100m:0.00} yuan");

    /// <summary>
    /// Division rounded towards negative infinity for a positive divisor. It never negates the
    /// amount, which overflowed for the most negative amount and made a loss a huge income.
    /// </summary>
    internal static long FloorDivide(long amount, int divisor)
    {
        var quotient = amount / divisor;
        return amount % divisor < 0 ? quotient - 1 : quotient;
    }
}
