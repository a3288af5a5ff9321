using Microsoft.Extensions.Options;

namespace Platform.Relocation.Policy;

/// <summary>Configuration section <c>Relocation:Policy</c>: standards per year.</summary>
public sealed class RelocationPolicyOptions
{
    public const string Section = "Relocation:Policy";

    public Dictionary<int, YearPolicy> Years { get; set; } = [];
}

/// <summary>
/// The standards of one year. Every value can be set per year in configuration
/// (<c>Relocation:Policy:Years:2026:PerPersonAreaSqm</c>); a year without its own entry uses the
/// latest earlier year that has one, then the defaults below.
/// </summary>
public sealed record YearPolicy
{
    /// <summary>Housing area standard (人均住房面积): a unit may not exceed this many m² per person moving in.</summary>
    public decimal PerPersonAreaSqm { get; init; } = 25m;

    /// <summary>The poverty line a relocated household's per-capita net income is checked against: 6,000 yuan, in fen.</summary>
    public long PovertyLineFen { get; init; } = 600_000;

    /// <summary>Youngest age at which a member with labour capacity counts as seeking work.</summary>
    public int WorkingAgeFrom { get; init; } = 16;

    /// <summary>Oldest age (inclusive) at which a member with labour capacity counts as seeking work.</summary>
    public int WorkingAgeTo { get; init; } = 60;
}

/// <summary>Answers which standards apply in a given year.</summary>
public sealed class RelocationPolicy(IOptions<RelocationPolicyOptions> options)
{
    private static readonly YearPolicy Defaults = new();

    public YearPolicy For(int year) =>
        options.Value.Years.Where(y => y.Key <= year).OrderByDescending(y => y.Key).Select(y => y.Value).FirstOrDefault() ?? Defaults;
}
