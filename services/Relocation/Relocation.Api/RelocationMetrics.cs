using System.Diagnostics.Metrics;
using Platform.Relocation.FollowUp;

namespace Platform.Relocation;

/// <summary>Counters an operator sees on the dashboard: households moved in, zero-employment cases opened and closed.</summary>
public sealed class RelocationMetrics
{
    public const string MeterName = "Platform.Relocation";
    private readonly Counter<long> _movedIn;
    private readonly Counter<long> _casesOpened;
    private readonly Counter<long> _casesClosed;

    public RelocationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _movedIn = meter.CreateCounter<long>("pa.relocation.households_moved_in", "{household}", "Relocated households that moved into their unit");
        _casesOpened = meter.CreateCounter<long>("pa.relocation.zero_employment_cases_opened", "{case}", "Zero-employment follow-up cases opened");
        _casesClosed = meter.CreateCounter<long>("pa.relocation.zero_employment_cases_closed", "{case}", "Zero-employment follow-up cases closed, by outcome");
    }

    public void MovedIn() => _movedIn.Add(1);

    public void CaseOpened() => _casesOpened.Add(1);

    public void CaseClosed(CaseOutcome outcome) => _casesClosed.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));
}
