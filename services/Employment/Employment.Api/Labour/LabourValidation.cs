using Pa.Common.V1;
using Platform.ServiceDefaults;

namespace Platform.Employment.Labour;

/// <summary>
/// Field checks shared by the labour calls that labour.proto cannot state; each adds a violation
/// naming the field. Lengths, enums, ranges and money bounds are declared in the contract.
/// </summary>
public static class LabourValidation
{
    /// <summary>Also the text columns' length and max_len in labour.proto.</summary>
    public const int MaxName = 200;

    /// <summary>The contract bounds the length; a text of spaces passes that but says nothing.</summary>
    public static string Text(string? value, FieldViolations violations, string field, bool required = true)
    {
        var text = (value ?? "").Trim();
        violations.Check(!required || text.Length > 0, field, "must not be blank");
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
}
