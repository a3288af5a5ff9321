using Microsoft.Extensions.Options;

namespace Platform.HouseholdRegistry.Policy;

/// <summary>Configuration section <c>Registry:Policy</c>: thresholds per year.</summary>
public sealed class RegistryPolicyOptions
{
    public const string Section = "Registry:Policy";

    public Dictionary<int, YearPolicy> Years { get; set; } = [];
}

/// <summary>Answers which thresholds apply in a given year.</summary>
public sealed class RegistryPolicy(IOptions<RegistryPolicyOptions> options)
{
    private static readonly YearPolicy Defaults = new();

    public YearPolicy For(int year) =>
        options.Value.Years.Where(y => y.Key <= year).OrderByDescending(y => y.Key).Select(y => y.Value).FirstOrDefault() ?? Defaults;

    public YearPolicy For(DateTime utc) => For(utc.Year);
}
