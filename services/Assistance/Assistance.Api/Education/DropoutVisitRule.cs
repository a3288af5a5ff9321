namespace Platform.Assistance.Education;

/// <summary>
/// Follow-up visits of a dropout-risk case (控辍保学) are recorded on open cases only: a closed case
/// was closed by the record that settled it, and a visit after it would follow up nothing.
/// </summary>
public static class DropoutVisitRule
{
    /// <summary>Why no visit may be recorded on the case, or null when one may.</summary>
    public static string? WhyNoVisit(DropoutCase @case) =>
        @case.IsOpen ? null : $"The case was closed on {@case.ClosedAt:yyyy-MM-dd}: {@case.ClosingReason}.";
}
