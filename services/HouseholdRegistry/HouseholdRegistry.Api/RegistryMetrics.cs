using System.Diagnostics.Metrics;

namespace Platform.HouseholdRegistry;

/// <summary>Business counters an operator sees on the dashboard, tagged by county.</summary>
public sealed class RegistryMetrics
{
    public const string MeterName = "Platform.HouseholdRegistry";
    private readonly Counter<long> _applied;
    private readonly Counter<long> _registered;
    private readonly Counter<long> _exited;

    public RegistryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _applied = meter.CreateCounter<long>("pa.registry.households_applied", "{household}", "Household applications filed");
        _registered = meter.CreateCounter<long>("pa.registry.households_registered", "{household}", "Households registered when their announcement closed");
        _exited = meter.CreateCounter<long>("pa.registry.households_exited", "{household}", "Households exited when their exit announcement closed");
    }

    public void Applied(string regionCode) => _applied.Add(1, new KeyValuePair<string, object?>("county", regionCode[..6]));

    public void Registered(string regionCode) => _registered.Add(1, new KeyValuePair<string, object?>("county", regionCode[..6]));

    public void Exited(string regionCode) => _exited.Add(1, new KeyValuePair<string, object?>("county", regionCode[..6]));
}
