namespace Platform.Employment.Projects;

/// <summary>
/// Funding by reimbursement in proportion to verified construction progress (报账制, 按工程进度拨付):
/// never paid in advance. Exact in whole fen.
/// </summary>
public static class Reimbursement
{
    /// <summary>What verified progress has earned: floor(progress% × approved budget / 100).</summary>
    public static long Earned(int progressPercent, long approvedBudgetFen) => checked(progressPercent * approvedBudgetFen) / 100;

    /// <summary>What may still be paid: earned minus already disbursed (never negative).</summary>
    public static long Available(int progressPercent, long approvedBudgetFen, long disbursedFen) =>
        Math.Max(0, Earned(progressPercent, approvedBudgetFen) - disbursedFen);

    /// <summary>Why a payment of <paramref name="amountFen"/> is refused, or null when it is within the limit.</summary>
    public static string? Refusal(long amountFen, int progressPercent, long approvedBudgetFen, long disbursedFen)
    {
        var available = Available(progressPercent, approvedBudgetFen, disbursedFen);
        return amountFen > available
            ? $"{amountFen} fen exceeds what verified progress allows: {available} fen ({progressPercent}% of {approvedBudgetFen} fen, {disbursedFen} fen already disbursed)"
            : null;
    }

    /// <summary>A progress report may not go backwards and must stay within 0–100.</summary>
    public static string? ProgressRefusal(int previousPercent, int newPercent) =>
        newPercent < previousPercent ? $"progress cannot decrease: it was verified at {previousPercent}%" : null;
}

/// <summary>Fund expenditure progress (资金支出进度) of a set of projects against a target percentage.</summary>
public readonly record struct FundExpenditure(long ApprovedFen, long DisbursedFen, int TargetPercent)
{
    /// <summary>floor(disbursed × 10000 / approved); 0 when nothing was approved.</summary>
    public int BasisPoints => ApprovedFen == 0 ? 0 : (int)(checked(DisbursedFen * 10_000) / ApprovedFen);

    /// <summary>disbursed ≥ target% × approved, compared exactly; nothing approved owes nothing.</summary>
    public bool MeetsTarget => checked(DisbursedFen * 100) >= checked(TargetPercent * ApprovedFen);
}
