using System.Diagnostics.Metrics;

namespace Platform.Employment;

/// <summary>Counters an operator sees on the dashboard: income events published by kind, in fen.</summary>
public sealed class EmploymentMetrics
{
    public const string MeterName = "Platform.Employment";
    private readonly Counter<long> _incomePaid;

    public EmploymentMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _incomePaid = meter.CreateCounter<long>("pa.employment.income_paid", "fen", "Wages and dividends published as household income, by kind");
    }

    public void IncomePaid(string kind, long amountFen) => _incomePaid.Add(amountFen, new KeyValuePair<string, object?>("kind", kind));
}
