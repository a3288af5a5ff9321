using Platform.ServiceDefaults;
using Proto = Pa.Assistance.V1;

namespace Platform.Assistance.Housing;

/// <summary>Field checks shared by officers' requests and the housing department's rows, beyond housing.proto's own rules.</summary>
public static class HousingValidation
{
    /// <summary>A real date from 2000 up to today; adds a problem and returns default otherwise.</summary>
    public static DateOnly PastDate(Pa.Common.V1.Date? date, DateOnly today, FieldViolations violations, string field)
    {
        var value = date.ToDateOnly();
        violations.Check(value is not null, field, "must be a real calendar date");
        violations.Check(value is null || value.Value <= today, field, "must not be in the future");
        violations.Check(value is null || value.Value.Year >= 2000, field, "must not be before 2000");
        return value ?? default;
    }

    /// <summary>The contract requires the appraiser and bounds the name; a name of spaces names no one.</summary>
    public static void Appraiser(Proto.Appraiser? appraiser, FieldViolations violations, string field) =>
        violations.NotBlank(appraiser?.Name ?? "", $"{field}.name");
}
