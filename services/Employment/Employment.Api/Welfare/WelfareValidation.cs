using Pa.Common.V1;
using Platform.Security;
using Platform.ServiceDefaults;
using RegionLevel = Platform.Security.RegionLevel;

namespace Platform.Employment.Welfare;

/// <summary>Field checks shared by the workshop and post calls.</summary>
internal static class WelfareValidation
{
    public const int EarliestYear = 2014;

    public static string Text(string? text, int maxLength, FieldViolations violations, string field)
    {
        var trimmed = (text ?? "").Trim();
        violations.Check(trimmed.Length is > 0 && trimmed.Length <= maxLength, field, $"is required, at most {maxLength} characters");
        return trimmed;
    }

    public static RegionCode Village(string? code, FieldViolations violations, string field)
    {
        var ok = RegionCode.TryParse(code, out var village) && village.Level == RegionLevel.Village;
        violations.Check(ok, field, "must be the 12-digit code of a village");
        return village;
    }

    /// <summary>A real calendar date, not after today (records describe what happened).</summary>
    public static DateOnly Day(Date? date, DateOnly today, FieldViolations violations, string field)
    {
        var day = date.ToDateOnly();
        violations.Check(day is not null && day <= today, field, "must be a real date, not after today");
        return day ?? today;
    }

    public static int Year(int year, DateOnly today, FieldViolations violations, string field)
    {
        violations.Check(year >= EarliestYear && year <= today.Year, field, $"must be a year from {EarliestYear} to this year");
        return year;
    }

    /// <summary>A month that has begun: payroll never runs ahead of the calendar.</summary>
    public static (int Year, int Month) Month(int year, int month, DateOnly today, FieldViolations violations)
    {
        Year(year, today, violations, "year");
        violations.Check(month is >= 1 and <= 12 && (year < today.Year || month <= today.Month), "month", "must be 1 to 12 and not after this month");
        return (year, month);
    }
}
