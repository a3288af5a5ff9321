using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Policy;

namespace Platform.HouseholdRegistry.Income;

internal static class IncomeMapping
{
    /// <summary>A year with its components summed per category, and its position against that year's line and band.</summary>
    public static Pa.Registry.V1.IncomeYear ToMessage(this IncomeYearSummary summary, IEnumerable<IncomeEntry> entries, YearPolicy policy)
    {
        var message = new Pa.Registry.V1.IncomeYear
        {
            Year = summary.Year,
            NetIncome = Fen(summary.NetIncomeFen),
            RigidExpenditure = Fen(summary.RigidExpenditureFen),
            MemberCount = summary.MemberCount,
            PerCapitaNetIncome = Fen(summary.PerCapitaNetIncomeFen),
            ExpenditureAdjustedPerCapita = Fen(summary.ExpenditureAdjustedPerCapitaFen),
            Position = IncomeCalculator.PositionOf(summary.PerCapitaNetIncomeFen, policy),
            PovertyLine = Fen(policy.PovertyLineFen),
            MonitoringBandUpper = Fen(policy.MonitoringBandUpperFen),
        };
        message.Components.AddRange(entries
            .GroupBy(e => (e.Category, e.Kind))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Category, StringComparer.Ordinal)
            .Select(g => new IncomeComponent { Category = g.Key.Category, Kind = g.Key.Kind, Amount = Fen(g.Sum(e => e.AmountFen)) }));
        return message;
    }

    public static Money Fen(long fen) => new() { Fen = fen };
}
