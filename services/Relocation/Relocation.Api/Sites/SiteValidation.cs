using Platform.ServiceDefaults;
using Proto = Pa.Relocation.V1;

namespace Platform.Relocation.Sites;

/// <summary>Field checks of the site calls; each adds a violation naming the field.</summary>
public static class SiteValidation
{
    public const int MaxName = 100;
    public const int MaxUnitNumber = 40;
    public const int MaxUnitsPerBatch = 500;

    /// <summary>500 m²: larger is a typing error, not a resettlement dwelling.</summary>
    public const int MaxAreaHundredths = 50_000;

    public static string Text(string? value, int max, FieldViolations violations, string field)
    {
        var text = (value ?? "").Trim();
        violations.Check(text.Length is > 0 && text.Length <= max, field, $"must have 1 to {max} characters");
        return text;
    }

    /// <summary>Both capacities above zero, and at least one person per household.</summary>
    public static void Capacity(int households, int people, FieldViolations violations)
    {
        violations.Check(households > 0, "capacity_households", "must be more than 0");
        violations.Check(people > 0, "capacity_people", "must be more than 0");
        violations.Check(people <= 0 || households <= 0 || people >= households, "capacity_people", "must be at least capacity_households");
    }

    /// <summary>The named officer, or nulls when none is given.</summary>
    public static (string? Subject, string? Name) CaseOfficer(Proto.CaseOfficer? officer, FieldViolations violations, string field)
    {
        if (officer is null)
        {
            return (null, null);
        }

        return (Text(officer.Subject, MaxName, violations, $"{field}.subject"), Text(officer.Name, MaxName, violations, $"{field}.name"));
    }

    public static SiteType Type(Proto.SiteType type, FieldViolations violations, string field)
    {
        var parsed = (SiteType)(int)type;
        violations.Check(type != Proto.SiteType.Unspecified && Enum.IsDefined(parsed), field, "must be one of the listed values");
        return parsed;
    }
}
