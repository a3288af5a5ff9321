using Pa.Common.V1;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Health;

/// <summary>Field checks shared by the officers' RPCs and the department rows, beyond health.proto's own rules.</summary>
public static class HealthValidation
{
    /// <summary>The contract bounds each amount; the subsidy cannot pay more than the premium.</summary>
    public static void Premium(Money? premium, Money? subsidised, FieldViolations violations) =>
        violations.Check(premium is null || subsidised is null || subsidised.Fen <= premium.Fen, "subsidised", "must not be more than the premium");

    public static long Fen(Money? money) => money?.Fen ?? 0;

    public static DateOnly Date(Date? date, DateOnly today, FieldViolations violations, string field)
    {
        var parsed = date.ToDateOnly();
        violations.Check(parsed is not null, field, "is required and must be a real date");
        violations.Check(parsed is null || parsed <= today, field, "must not be in the future");
        return parsed ?? default;
    }

    /// <summary>The text trimmed; the contract bounds its length, but a value of spaces passes that and says nothing.</summary>
    public static string Required(string value, FieldViolations violations, string field)
    {
        var trimmed = value.Trim();
        violations.Check(trimmed.Length > 0, field, "must not be blank");
        return trimmed;
    }
}
