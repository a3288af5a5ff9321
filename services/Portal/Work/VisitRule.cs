using Pa.Common.V1;
using Pa.Registry.V1;

namespace Platform.Portal.Work;

/// <summary>
/// When a monitored household (防返贫监测户) needs a helper's visit. The domain brief sets no interval and
/// the registry enforces none, so the portal uses the campaign's monthly rhythm (一月一研判, monthly analysis):
/// a monitored household with no visit recorded in the last 30 days, or none ever, is due.
/// </summary>
public static class VisitRule
{
    public const int IntervalDays = 30;

    /// <summary>Today in China (UTC+8): visit dates are calendar dates as the villages write them.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Text.Format.InChina(time.GetUtcNow().UtcDateTime));

    /// <summary>The latest visit date among <paramref name="visits"/> (recorded order is not visit order), or null.</summary>
    public static DateOnly? LastVisit(IEnumerable<Visit> visits) =>
        visits.Where(v => v.VisitDate is { Year: > 0 })
            .Select(v => (DateOnly?)ToDate(v.VisitDate))
            .Max();

    public static bool IsDue(DateOnly? lastVisit, DateOnly today) => lastVisit is null || today.DayNumber - lastVisit.Value.DayNumber > IntervalDays;

    public static DateOnly ToDate(Date date) => new(date.Year, date.Month, date.Day);
}
