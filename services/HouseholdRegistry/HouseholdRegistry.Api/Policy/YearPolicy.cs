namespace Platform.HouseholdRegistry.Policy;

/// <summary>
/// The thresholds of one year. Amounts are whole fen. Every value can be set per year in
/// configuration (<c>Registry:Policy:Years:2026:PovertyLineFen</c>); a year without its own
/// entry uses the latest earlier year that has one, then the defaults below.
/// </summary>
public sealed record YearPolicy
{
    /// <summary>Per-capita annual net income line: 6,000 yuan (Jiangsu's provincial line).</summary>
    public long PovertyLineFen { get; init; } = 600_000;

    /// <summary>Upper end of the monitoring band just above the line (Yancheng: 6,000–6,500 yuan).</summary>
    public long MonitoringBandUpperFen { get; init; } = 650_000;

    /// <summary>Days a public notice (公示) stays on the village wall.</summary>
    public int NoticeDays { get; init; } = 7;

    /// <summary>Years an exited household keeps its policies (脱贫不脱政策).</summary>
    public int PostExitSupportYears { get; init; } = 5;

    /// <summary>Households one helper cadre may be paired with.</summary>
    public int MaxHouseholdsPerHelper { get; init; } = 5;

    /// <summary>Months income must stay above the band before a monitoring risk is eliminated (风险消除).</summary>
    public int RiskEliminationStableMonths { get; init; } = 6;

    /// <summary>Rigid expenditure (medical, education) above this share of household net income is a monitoring trigger.</summary>
    public decimal LargeRigidExpenditureShare { get; init; } = 0.5m;

    /// <summary>Disability grades counted as severe (重度) for 六优先: grades 1 and 2 of China's four grades.</summary>
    public int SevereDisabilityMaxGrade { get; init; } = 2;
}
