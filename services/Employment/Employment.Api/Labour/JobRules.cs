using Platform.Employment.Labourers;

namespace Platform.Employment.Labour;

/// <summary>
/// When the personal employment archive (贫困劳动力个人就业档案) of a member may be kept and changed, and
/// what a job's dates allow. Each method gives the reason for refusing, or null when the rule allows it.
/// </summary>
public static class JobRules
{
    /// <summary>Archives are for labourers (normal or weak capacity); a member who left can be read but not changed.</summary>
    public static string? ArchiveRefusal(Labourer labourer, bool forRecording) =>
        !labourer.HasLabour ? "The member has no labour capacity; employment archives are kept for labourers only."
        : forRecording && !labourer.IsCurrent ? "The member has left the household; their archive can be read but not changed."
        : null;

    public static string? EndRefusal(EmploymentRecord job) =>
        job.EndedOn is { } ended ? $"The employment already ended on {ended:yyyy-MM-dd}." : null;

    /// <summary>A job cannot end before a month it was paid for; <paramref name="lastPaid"/> is the latest such month.</summary>
    public static string? EndBeforePaidRefusal((int Year, int Month)? lastPaid, DateOnly endedOn) =>
        lastPaid is { } paid && new DateOnly(paid.Year, paid.Month, 1) > endedOn
            ? $"Earnings are recorded for {paid.Year}-{paid.Month:D2}, after the end date; correct them first."
            : null;

    /// <summary>Earnings are recorded for a month of the job's dates that has begun (once paid).</summary>
    public static string? EarningsRefusal(EmploymentRecord job, int year, int month, DateOnly today) =>
        !job.CoversMonth(year, month) ? $"{year}-{month:D2} lies outside the employment's dates."
        : new DateOnly(year, month, 1) > today ? $"{year}-{month:D2} has not begun; earnings are recorded once paid."
        : null;

    /// <summary>The transport subsidy (交通补贴) is for out-of-province migrant jobs, in a year the job ran.</summary>
    public static string? TransportSubsidyRefusal(EmploymentRecord job, int year) =>
        job.Type != EmploymentType.OutOfProvinceMigrant ? "Transport subsidies are for out-of-province migrant jobs only."
        : !job.CoversYear(year) ? $"The employment did not run in {year}."
        : null;
}
