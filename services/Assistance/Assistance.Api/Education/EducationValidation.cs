using Platform.ServiceDefaults;

namespace Platform.Assistance.Education;

/// <summary>Field checks shared by the officers' calls and the department's rows.</summary>
public static class EducationValidation
{
    public static void Stage(Pa.Assistance.V1.SchoolStage stage, FieldViolations violations, string field) =>
        violations.Check(Enum.IsDefined((SchoolStage)stage), field, "must be a school stage");

    public static void SchoolName(string name, FieldViolations violations, string field) =>
        violations.Check(name.Trim().Length is > 0 and <= 100, field, "must have 1 to 100 characters");

    public static void Grade(int grade, FieldViolations violations, string field) =>
        violations.Check(grade is >= 1 and <= 12, field, "must be from 1 to 12");

    /// <summary>From 2000 up to the school year after the current one (enrolments recorded in advance).</summary>
    public static void SchoolYear(int year, DateOnly today, FieldViolations violations, string field) =>
        violations.Check(year >= 2000 && year <= CompulsoryEducation.SchoolYearOf(today) + 1, field, $"must be from 2000 to {CompulsoryEducation.SchoolYearOf(today) + 1}");

    /// <summary>A real date, not after today.</summary>
    public static DateOnly? PastDate(Pa.Common.V1.Date? date, DateOnly today, FieldViolations violations, string field)
    {
        var value = date.ToDateOnly();
        violations.Check(value is not null, field, "must be a valid date");
        violations.Check(value is null || value <= today, field, "must not be in the future");
        return value;
    }
}
