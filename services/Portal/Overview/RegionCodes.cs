using System.Text.RegularExpressions;
using Pa.Common.V1;

namespace Platform.Portal.Overview;

/// <summary>
/// The level of a region read from its 12-digit code (2 province, 2 city, 2 county, 3 township,
/// 3 village): the page needs it to link a child to its overview or its village battle map and to
/// know whether fund progress (kept per county) applies, without one more call.
/// </summary>
public static partial class RegionCodes
{
    [GeneratedRegex(@"\A[0-9]{12}\z")]
    private static partial Regex Pattern();

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    public static RegionLevel Level(string code) =>
        code[9..] != "000" ? RegionLevel.Village
        : code[6..9] != "000" ? RegionLevel.Township
        : code[4..6] != "00" ? RegionLevel.County
        : code[2..4] != "00" ? RegionLevel.City
        : RegionLevel.Province;

    /// <summary>The significant prefix: a household's region code starts with it when it lies inside.</summary>
    public static string Prefix(string code) => Level(code) switch
    {
        RegionLevel.Province => code[..2],
        RegionLevel.City => code[..4],
        RegionLevel.County => code[..6],
        RegionLevel.Township => code[..9],
        _ => code,
    };
}
