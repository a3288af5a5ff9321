namespace Platform.ServiceDefaults;

/// <summary>
/// Upper bounds of money (whole fen) and counts a request may carry, one per concept. Each bound
/// is far above anything the practice has seen, so no real figure is refused, yet low enough
/// that every sum, product and per-capita division of bounded amounts stays far inside a 64-bit
/// integer: an absurd figure gets INVALID_ARGUMENT naming its field instead of an overflow.
/// The contracts (protos/*, pa.common.v1.Money) should declare the same bounds with
/// protovalidate; until they do, these constants are the rule, applied in each handler's validation.
/// </summary>
public static class MoneyLimits
{
    /// <summary>
    /// One component of a household's yearly income or rigid expenditure (wages, production net,
    /// property, transfer, medical, education), a per-capita yearly income, and the cost of one
    /// hospital stay: 100,000,000 yuan.
    /// Registered households live below a line of 6,000 yuan per person, so such a figure is a
    /// typing error. Production net income may be a loss down to the same amount below zero.
    /// </summary>
    public const long YearlyIncomeFen = 10_000_000_000;

    /// <summary>
    /// A monthly amount paid to or expected by one person or household (wages, a 低保 allowance,
    /// a public-welfare post's pay): 1,000,000 yuan a month, a hundred times any county wage.
    /// </summary>
    public const long MonthlyIncomeFen = 100_000_000;

    /// <summary>
    /// One household's subsidy or award (housing renovation, relocation, industry award, a
    /// dividend or benefit per year): 10,000,000 yuan, against real subsidies of thousands
    /// to a few hundred thousand yuan.
    /// </summary>
    public const long HouseholdSubsidyFen = 1_000_000_000;

    /// <summary>
    /// The budget of one project and each of its funding shares (industry project, water supply
    /// project, an asset's yearly income): 10,000,000,000 yuan, more than a county's whole yearly
    /// poverty fund. A project's shares together must stay within it as well.
    /// </summary>
    public const long ProjectBudgetFen = 1_000_000_000_000;

    /// <summary>
    /// A count a request carries (quantified shares of a household, work units, employees):
    /// one billion. Multiplied by a bounded amount it still fits a 128-bit product, and summed
    /// over a village it stays far inside 64 bits.
    /// </summary>
    public const long Count = 1_000_000_000;

    /// <summary>"must be from 0 to {bound} fen" for a field description.</summary>
    public static string UpTo(long boundFen) => $"must be from 0 to {boundFen} fen";

    /// <summary>True for a present amount from 0 to <paramref name="boundFen"/>.</summary>
    public static bool Within(Pa.Common.V1.Money? money, long boundFen) => money is { Fen: >= 0 } m && m.Fen <= boundFen;
}
