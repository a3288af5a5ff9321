using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Identification;

/// <summary>
/// The public notice (公示/公告): it stays up for the year's notice days and comes down only on or
/// after its end date, once every objection filed against it has a finding.
/// </summary>
public static class NoticeRules
{
    public static DateOnly EndDate(DateOnly start, int noticeDays) => start.AddDays(noticeDays);

    /// <summary>Why the notice may not close today, or null when it may.</summary>
    public static string? WhyNotClosable(Notice notice, DateOnly today) =>
        notice.Status != NoticeStatus.Open ? $"The notice is {notice.Status}, not open."
        : today < notice.EndDate ? $"The notice runs until {notice.EndDate:yyyy-MM-dd}; it may not close before then."
        : notice.Objections.Any(o => o.Status == ObjectionStatus.Open) ? "An objection to the notice is still unresolved."
        : null;

    /// <summary>Objections may be filed while the notice is up, including after its end date until it is closed.</summary>
    public static string? WhyNoObjection(Notice notice) =>
        notice.Status == NoticeStatus.Open ? null : $"The notice is {notice.Status}; objections are filed while it is up.";

    /// <summary>An objection gets one finding, while its notice is still up.</summary>
    public static string? WhyNotResolvable(Notice notice, Objection objection) =>
        objection.Status != ObjectionStatus.Open ? $"The objection was already resolved ({objection.Status})."
        : notice.Status != NoticeStatus.Open ? $"The notice is {notice.Status}."
        : null;
}
