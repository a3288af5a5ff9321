using Pa.Assistance.V1;
using Platform.Assistance.Data;

namespace Platform.Assistance.Coverage;

/// <summary>
/// The regions being reported and the year. Households belong to a reported region when their
/// region code starts with its key (<see cref="KeyLength"/> characters of the code).
/// </summary>
public sealed record CoverageScope(IReadOnlyCollection<string> Keys, int KeyLength, int Year, DateOnly Today)
{
    /// <summary>The reported region a household region code falls in, or null.</summary>
    public string? KeyOf(string regionCode) => regionCode.Length >= KeyLength && Keys.Contains(regionCode[..KeyLength]) ? regionCode[..KeyLength] : null;

    /// <summary>
    /// The keys' common prefix. The per-key test on a substring of the code reads every row of the
    /// table, so each query first narrows to the rows under this prefix with RegionQueries.InRegion (a
    /// range an index on the code answers) and tests the keys only on the rows in it.
    /// </summary>
    public string Prefix => CommonPrefix();

    private string CommonPrefix()
    {
        var prefix = Keys.FirstOrDefault() ?? "";
        foreach (var key in Keys)
        {
            var same = 0;
            while (same < prefix.Length && same < key.Length && prefix[same] == key[same])
            {
                same++;
            }

            prefix = prefix[..same];
        }

        return prefix;
    }
}

/// <summary>
/// One area's part of the coverage figures (health fills insurance enrolment, education the
/// compulsory-age children and dropout cases, housing the dangerous houses, water the safe
/// households). Each fills only its own fields of the RegionCoverage of each key.
/// </summary>
public interface ICoverageContributor
{
    Task ContributeAsync(AssistanceDbContext db, CoverageScope scope, IReadOnlyDictionary<string, RegionCoverage> byKey, CancellationToken ct);
}

public static class CoverageRates
{
    /// <summary>A percentage with two decimals; 0 when nothing is counted.</summary>
    public static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 2);
}
