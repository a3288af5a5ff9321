using Platform.ServiceDefaults;
using Proto = Pa.Relocation.V1;

namespace Platform.Relocation.Sites;

/// <summary>
/// Field checks of the site calls that sites.proto cannot state; lengths, counts, ranges and
/// enums are its rules and were checked before the handler ran. Each adds a violation naming the field.
/// </summary>
public static class SiteValidation
{
    /// <summary>At least one person per household; each capacity's own range is in the contract.</summary>
    public static void Capacity(int households, int people, FieldViolations violations) =>
        violations.Check(people >= households, "capacity_people", "must be at least capacity_households");

    /// <summary>The named officer, or nulls when none is given.</summary>
    public static (string? Subject, string? Name) CaseOfficer(Proto.CaseOfficer? officer, FieldViolations violations, string field)
    {
        if (officer is null)
        {
            return (null, null);
        }

        return (violations.NotBlank(officer.Subject, $"{field}.subject"), violations.NotBlank(officer.Name, $"{field}.name"));
    }
}
