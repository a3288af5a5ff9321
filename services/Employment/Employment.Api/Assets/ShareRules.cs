using Platform.Employment.Labourers;
using Platform.Employment.Projects;

namespace Platform.Employment.Assets;

/// <summary>
/// Quantified shares (折股量化到户) and the dividends paid on them. Each method gives the reason for
/// refusing, or null when the rule allows it.
/// </summary>
public static class ShareRules
{
    /// <summary>An unfinished dividend run pays by the shares it started with; they may not move under it.</summary>
    public static string? ChangeRefusal(bool dividendRunUnfinished) =>
        dividendRunUnfinished ? "A dividend run of the project is unfinished; continue it (RunDividend with its run key) before changing shares." : null;

    /// <summary>Only households registered as poor (建档立卡) receive quantified shares.</summary>
    public static string? HolderRefusal(Guid householdId, HouseholdStatus status) =>
        status == HouseholdStatus.Registered
            ? null
            : $"Household {householdId} is not a registered poor household ({status}); only registered households receive quantified shares.";

    /// <summary>
    /// A run key names one distribution: an existing run continues only with its own year and amount. A new
    /// run pays from a completed or operating project only.
    /// </summary>
    public static string? DividendRefusal(DividendRun? run, string runKey, int year, long amountFen, ProjectStatus projectStatus) => run switch
    {
        not null when run.Year != year || run.AmountFen != amountFen =>
            $"Run {runKey} of the project was started for {run.Year} with {run.AmountFen} fen; a different distribution needs its own run key.",
        null when projectStatus is not (ProjectStatus.Completed or ProjectStatus.Operating) =>
            $"The project is {projectStatus}; dividends are paid from completed or operating projects only.",
        _ => null,
    };
}
