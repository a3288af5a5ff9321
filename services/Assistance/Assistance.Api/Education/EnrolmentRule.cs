namespace Platform.Assistance.Education;

/// <summary>
/// A member attends one school at a time: one current enrolment per school year, so a transfer ends
/// the first enrolment before the second is recorded; an enrolment ends once.
/// </summary>
public static class EnrolmentRule
{
    /// <summary>Why a new enrolment for <paramref name="schoolYear"/> cannot be recorded beside the member's enrolments, or null when it can.</summary>
    public static string? WhyNotEnrol(IEnumerable<Enrolment> memberEnrolments, int schoolYear) =>
        memberEnrolments.Any(e => e.SchoolYear == schoolYear && e.WithdrawnOn is null)
            ? $"The member already has an enrolment for school year {schoolYear}; end it first (e.g. on a transfer)."
            : null;

    /// <summary>Why the enrolment cannot be ended, or null when it can.</summary>
    public static string? WhyNotEnd(Enrolment enrolment) =>
        enrolment.WithdrawnOn is { } ended ? $"The enrolment already ended on {ended:yyyy-MM-dd}." : null;
}
