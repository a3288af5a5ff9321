using Pa.Common.V1;
using Platform.ServiceDefaults;

namespace Platform.Employment.Labour;

/// <summary>Field checks shared by the labour calls; each adds a violation naming the field.</summary>
public static class LabourValidation
{
    public const int MaxName = 200;
    public const int MaxSkills = 50;

    /// <summary>A month's wage or income above 1,000,000 yuan is a typing error, not a poor labourer's pay.</summary>
    public const long MaxMonthlyFen = MoneyLimits.MonthlyIncomeFen;

    public static string Text(string? value, FieldViolations violations, string field, bool required = true)
    {
        var text = (value ?? "").Trim();
        violations.Check(text.Length <= MaxName && (!required || text.Length > 0), field,
            required ? $"must have 1 to {MaxName} characters" : $"must have at most {MaxName} characters");
        return text;
    }

    /// <summary>A real date not after today: the archive records what happened.</summary>
    public static DateOnly PastDate(Date? date, DateOnly today, FieldViolations violations, string field)
    {
        var day = date.ToDateOnly();
        violations.Check(day is not null, field, "must be a valid date");
        violations.Check(day is null || (day <= today && day.Value.Year >= 1950), field, "must not be in the future or before 1950");
        return day ?? default;
    }

    public static T Enum<T>(int value, FieldViolations violations, string field)
        where T : struct, System.Enum
    {
        var parsed = (T)(object)value;
        violations.Check(value != 0 && System.Enum.IsDefined(parsed), field, "must be one of the listed values");
        return parsed;
    }
}
