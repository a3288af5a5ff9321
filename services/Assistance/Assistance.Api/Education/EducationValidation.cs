using Platform.ServiceDefaults;

namespace Platform.Assistance.Education;

/// <summary>
/// Field checks shared by the officers' calls and the department's rows that education.proto cannot
/// carry: they depend on today or on the text once trimmed. Lengths, stages and grades are in the contract.
/// </summary>
public static class EducationValidation
{
    /// <summary>Up to the school year after the current one (enrolments recorded in advance); the contract sets 2000 as the floor.</summary>
    public static void SchoolYear(int year, DateOnly today, FieldViolations violations, string field) =>
        violations.Check(year <= CompulsoryEducation.SchoolYearOf(today) + 1, field, $"must be from 2000 to {CompulsoryEducation.SchoolYearOf(today) + 1}");

    /// <summary>A real date, not after today.</summary>
    public static DateOnly? PastDate(Pa.Common.V1.Date? date, DateOnly today, FieldViolations violations, string field)
    {
        var value = date.ToDateOnly();
        violations.Check(value is not null, field, "must be a valid date");
        violations.Check(value is null || value <= today, field, "must not be in the future");
        return value;
    }
}
