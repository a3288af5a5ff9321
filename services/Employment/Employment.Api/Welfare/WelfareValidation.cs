using Pa.Common.V1;
using Platform.Security;
using Platform.ServiceDefaults;
using RegionLevel = Platform.Security.RegionLevel;

namespace Platform.Employment.Welfare;

/// <summary>
/// Field checks shared by the workshop and post calls that welfare.proto cannot state: they need
/// today's date or the meaning of a code. Lengths, enums, ranges and money bounds are in the contract.
/// </summary>
internal static class WelfareValidation
{
    /// <summary>Also int32.gte of the years in welfare.proto: registration (建档立卡) began in 2014.</summary>
    public const int EarliestYear = 2014;

    /// <summary>The contract bounds the length; a text of spaces passes that but names nothing.</summary>
    public static string Text(string? text, FieldViolations violations, string field)
    {
        var trimmed = (text ?? "").Trim();
        violations.Check(trimmed.Length > 0, field, "must not be blank");
        return trimmed;
    }

    /// <summary>The contract says 12 digits; only the code's meaning tells a village from a county.</summary>
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

    /// <summary>The contract sets the earliest year (2014); only the clock knows the latest.</summary>
    public static int Year(int year, DateOnly today, FieldViolations violations, string field)
    {
        violations.Check(year <= today.Year, field, $"must not be after this year, {today.Year}");
        return year;
    }

    /// <summary>A month that has begun: payroll never runs ahead of the calendar. The contract bounds 1 to 12.</summary>
    public static (int Year, int Month) Month(int year, int month, DateOnly today, FieldViolations violations)
    {
        Year(year, today, violations, "year");
        violations.Check(year < today.Year || month <= today.Month, "month", "must not be after this month");
        return (year, month);
    }
}
