using Microsoft.Extensions.Options;

namespace Platform.Assistance.Policy;

/// <summary>Configuration section <c>Assistance:Policy</c>: thresholds per year.</summary>
public sealed class AssistancePolicyOptions
{
    public const string Section = "Assistance:Policy";

    public Dictionary<int, YearPolicy> Years { get; set; } = [];
}

/// <summary>
/// The thresholds of one year. Every value can be set per year in configuration
/// (<c>Assistance:Policy:Years:2026:OutOfPocketShareLimit</c>); a year without its own entry uses
/// the latest earlier year that has one, then the defaults below.
/// </summary>
public sealed record YearPolicy
{
    /// <summary>First age of compulsory education (义务教育), inclusive.</summary>
    public int CompulsoryEducationFromAge { get; init; } = 6;

    /// <summary>Last age of compulsory education, inclusive.</summary>
    public int CompulsoryEducationToAge { get; init; } = 15;

    /// <summary>Years after exit that university students keep their tuition waiver (the brief: two).</summary>
    public int PostExitUniversityTuitionYears { get; init; } = 2;

    /// <summary>Out-of-pocket share of compliant hospitalisation costs above which a household is flagged (the brief: 10%).</summary>
    public decimal OutOfPocketShareLimit { get; init; } = 0.10m;

    /// <summary>A year's out-of-pocket medical cost above this share of household net income is a return-to-poverty trigger.</summary>
    public decimal LargeMedicalExpenditureShare { get; init; } = 0.5m;
}

/// <summary>Answers which thresholds apply in a given year.</summary>
public sealed class AssistancePolicy(IOptions<AssistancePolicyOptions> options)
{
    private static readonly YearPolicy Defaults = new();

    public YearPolicy For(int year) =>
        options.Value.Years.Where(y => y.Key <= year).OrderByDescending(y => y.Key).Select(y => y.Value).FirstOrDefault() ?? Defaults;
}
