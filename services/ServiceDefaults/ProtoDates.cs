using Pa.Common.V1;

namespace Platform.ServiceDefaults;

public static class ProtoDates
{
    /// <summary>The calendar date, or null when it is missing or not a real date (e.g. 2023-02-30).</summary>
    public static DateOnly? ToDateOnly(this Date? date) =>
        date is { Year: >= 1 and <= 9999, Month: >= 1 and <= 12, Day: >= 1 } d && d.Day <= DateTime.DaysInMonth(d.Year, d.Month)
            ? new DateOnly(d.Year, d.Month, d.Day)
            : null;

    public static Date ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
