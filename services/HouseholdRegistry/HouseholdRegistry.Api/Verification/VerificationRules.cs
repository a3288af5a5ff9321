using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Verification;

/// <summary>
/// Compares what a household says about itself in a spot check (入户核查, or by phone as the
/// Yunnan governor did) with its record: its members and its helper's name.
/// </summary>
public static class VerificationRules
{
    /// <param name="recordMembers">Names of the record's active members.</param>
    /// <param name="pairedHelperName">The paired helper's name, or null when none is paired.</param>
    public static IReadOnlyList<VerificationMismatch> Compare(
        IReadOnlyCollection<string> recordMembers, string? pairedHelperName, IReadOnlyCollection<string> statedMembers, string statedHelperName)
    {
        var recorded = recordMembers.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var stated = statedMembers.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var mismatches = new List<VerificationMismatch>();
        mismatches.AddRange(statedMembers.Where(s => !recorded.Contains(Normalize(s)))
            .Select(s => new VerificationMismatch(MismatchKind.MemberMissingFromRecord, s.Trim())));
        mismatches.AddRange(recordMembers.Where(r => !stated.Contains(Normalize(r)))
            .Select(r => new VerificationMismatch(MismatchKind.MemberNotStated, r)));
        if (pairedHelperName is null)
        {
            mismatches.Add(new VerificationMismatch(MismatchKind.NoHelperPaired, statedHelperName.Trim()));
        }
        else if (Normalize(pairedHelperName) != Normalize(statedHelperName))
        {
            mismatches.Add(new VerificationMismatch(MismatchKind.HelperNameDiffers, statedHelperName.Trim()));
        }

        return mismatches;
    }

    /// <summary>Names said on the phone or written by hand differ in spacing and letter case only, not in substance.</summary>
    private static string Normalize(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
