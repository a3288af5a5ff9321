using Platform.Assistance.Households;
using Platform.Assistance.Policy;

namespace Platform.Assistance.Education;

/// <summary>
/// Who may be granted an education subsidy (教育资助) on an enrolment: only a current enrolment;
/// a tuition waiver only to a student <see cref="TuitionWaiverEligibility"/> admits on the day;
/// 雨露计划 support only to a vocational student. A living subsidy has no further condition.
/// </summary>
public static class EducationSubsidyRule
{
    /// <summary>Why the subsidy cannot be granted on <paramref name="day"/>, or null when it can.</summary>
    public static string? WhyNot(Enrolment enrolment, AssistedHousehold household, SubsidyKind kind, DateOnly day, YearPolicy policy)
    {
        if (enrolment.WithdrawnOn is { } ended)
        {
            return $"The enrolment ended on {ended:yyyy-MM-dd}.";
        }

        if (kind == SubsidyKind.TuitionWaiver && TuitionWaiverEligibility.Decide(household, enrolment.Stage, day, policy) is { Eligible: false } waiver)
        {
            return $"The student is not eligible for a tuition waiver: {waiver.Reason}.";
        }

        return kind == SubsidyKind.RainDewPlan && enrolment.Stage != SchoolStage.Vocational
            ? "雨露计划 support is for vocational students."
            : null;
    }
}
