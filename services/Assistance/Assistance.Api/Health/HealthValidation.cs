using Pa.Common.V1;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Health;

/// <summary>Field checks shared by the officers' RPCs and the department rows.</summary>
public static class HealthValidation
{
    public static int Year(int year, FieldViolations violations, string field)
    {
        violations.Check(year is >= 2000 and <= 2100, field, "must be a year from 2000 to 2100");
        return year;
    }

    public static void Premium(Money? premium, Money? subsidised, FieldViolations violations)
    {
        violations.Check(premium is { Fen: >= 0 and <= 100_000_000 }, "premium", "is required: 0 to 1,000,000 yuan in fen");
        violations.Check(subsidised is { Fen: >= 0 } && subsidised.Fen <= (premium?.Fen ?? 0), "subsidised", "is required: 0 up to the premium, in fen");
    }

    public static long Fen(Money? money) => money?.Fen ?? 0;

    public static DateOnly Date(Date? date, DateOnly today, FieldViolations violations, string field)
    {
        var parsed = date.ToDateOnly();
        violations.Check(parsed is not null, field, "is required and must be a real date");
        violations.Check(parsed is null || parsed <= today, field, "must not be in the future");
        return parsed ?? default;
    }

    public static string Text(string value, int max, FieldViolations violations, string field, bool required = true)
    {
        var trimmed = value.Trim();
        violations.Check(!required || trimmed.Length > 0, field, "is required");
        violations.Check(trimmed.Length <= max, field, $"must have at most {max} characters");
        return trimmed;
    }
}
