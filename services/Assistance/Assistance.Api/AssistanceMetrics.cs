using System.Diagnostics.Metrics;

namespace Platform.Assistance;

/// <summary>Counters an operator sees on the dashboard: assessments, status changes, department rows.</summary>
public sealed class AssistanceMetrics
{
    public const string MeterName = "Platform.Assistance";
    private readonly Counter<long> _assessed;
    private readonly Counter<long> _statusChanged;
    private readonly Counter<long> _departmentRows;

    public AssistanceMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _assessed = meter.CreateCounter<long>("pa.assistance.households_assessed", "{household}", "Guarantee assessments made");
        _statusChanged = meter.CreateCounter<long>("pa.assistance.guarantee_status_changed", "{household}", "Assessments that changed a household's guarantee status (one event each)");
        _departmentRows = meter.CreateCounter<long>("pa.assistance.department_rows", "{row}", "Rows pushed by departments, by kind and outcome");
    }

    public void Assessed(int households, int changed)
    {
        _assessed.Add(households);
        _statusChanged.Add(changed);
    }

    public void DepartmentRows(string kind, string outcome, int rows) =>
        _departmentRows.Add(rows, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
}
