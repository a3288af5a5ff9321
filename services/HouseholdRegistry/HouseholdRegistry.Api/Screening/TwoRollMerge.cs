using System.Globalization;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Policy;

namespace Platform.HouseholdRegistry.Screening;

/// <summary>
/// 两户合一: registered poor households and 低保 households are identified together. The poorest
/// 低保 households become poor-household candidates, registered poor households become 低保
/// candidates, and the poorest households on neither list become candidates for both.
/// </summary>
public static class TwoRollMerge
{
    /// <summary>A 低保 entry matching a household in these states is already on the registry's list.</summary>
    public static readonly IReadOnlyList<HouseholdStatus> OnRegistryList = [HouseholdStatus.Registered, HouseholdStatus.Exited];

    /// <summary>Households the registry knows that are not registered poor households.</summary>
    public static readonly IReadOnlyList<HouseholdStatus> OnNeitherList = [HouseholdStatus.Applied, HouseholdStatus.Rejected, HouseholdStatus.Monitored];

    /// <summary>
    /// Rolls on which a household already receives an allowance. 特困 support counts as well as 低保:
    /// the two are not granted together, and 特困 support is the stronger one.
    /// </summary>
    public static readonly IReadOnlyList<AssistanceRollKind> AllowanceRolls =
        [AssistanceRollKind.RuralMinimumLivingAllowance, AssistanceRollKind.ExtremePovertySupport];

    public static bool IsBelowLine(long perCapitaIncomeFen, YearPolicy policy) => perCapitaIncomeFen < policy.PovertyLineFen;

    /// <summary>Why a candidate is on a list, in words an officer can read out at the appraisal.</summary>
    public static string Reason(MergeCandidateList list, long incomeFen, YearPolicy policy) => list switch
    {
        MergeCandidateList.PoorHouseholdCandidates =>
            $"On the 低保 roll with per-capita income {Yuan(incomeFen)} below the poverty line {Yuan(policy.PovertyLineFen)}, not a registered poor household",
        MergeCandidateList.AllowanceCandidates =>
            $"Registered poor household (per-capita income {Yuan(incomeFen)}) on no assistance roll",
        MergeCandidateList.CandidatesForBoth =>
            $"Neither registered nor on an assistance roll, with per-capita income {Yuan(incomeFen)} below the poverty line {Yuan(policy.PovertyLineFen)}",
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, "not a candidate list"),
    };

    private static string Yuan(long fen) => string.Create(CultureInfo.InvariantCulture, $"{fen / 100m:0.00} yuan");
}
