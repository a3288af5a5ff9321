using System.Diagnostics.Metrics;

namespace Platform.HouseholdRegistry;

/// <summary>Business counters an operator sees on the dashboard, tagged by county.</summary>
public sealed class RegistryMetrics
{
    public const string MeterName = "Platform.HouseholdRegistry";
    private readonly Counter<long> _applied;

    public RegistryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _applied = meter.CreateCounter<long>("pa.registry.households_applied", "{household}", "Household applications filed");
    }

    public void Applied(string regionCode) => _applied.Add(1, new KeyValuePair<string, object?>("county", regionCode[..6]));
}
