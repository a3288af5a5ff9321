using Platform.Assistance.Households;
using Platform.HouseholdReplica;
using Platform.Assistance.Policy;

namespace Platform.Assistance.Education;

public sealed record WaiverDecision(bool Eligible, string Reason);

/// <summary>
/// Whether a student may have tuition waived on a day. Registered households' students in senior,
/// vocational and university education qualify. After the household exits (脱贫不脱政策), a
/// university student keeps the waiver for the policy's years after the exit date (up to the day
/// before that anniversary), and a senior or vocational student while the household's post-exit
/// support lasts (through SupportUntil).
/// </summary>
public static class TuitionWaiverEligibility
{
    public static WaiverDecision Decide(AssistedHousehold household, SchoolStage stage, DateOnly day, YearPolicy policy)
    {
        if (stage is not (SchoolStage.Senior or SchoolStage.Vocational or SchoolStage.University))
        {
            return new(false, "tuition waivers are for senior, vocational and university students");
        }

        switch (household.Status)
        {
            case HouseholdStatus.Registered:
                return new(true, "student of a registered household");
            case HouseholdStatus.Exited when household.ExitedAt is { } exitedAt:
                return AfterExit(household, stage, DateOnly.FromDateTime(exitedAt), day, policy);
            default:
                return new(false, "the household is not registered");
        }
    }

    private static WaiverDecision AfterExit(AssistedHousehold household, SchoolStage stage, DateOnly exited, DateOnly day, YearPolicy policy)
    {
        if (stage == SchoolStage.University)
        {
            var ends = exited.AddYears(policy.PostExitUniversityTuitionYears);
            return day < ends
                ? new(true, $"university student within {policy.PostExitUniversityTuitionYears} years of the household's exit on {exited:yyyy-MM-dd}")
                : new(false, $"the household exited on {exited:yyyy-MM-dd}; university tuition waivers ended on {ends.AddDays(-1):yyyy-MM-dd}");
        }

        return household.SupportUntil is { } until && day <= until
            ? new(true, $"the household's post-exit support lasts until {until:yyyy-MM-dd}")
            : new(false, household.SupportUntil is { } ended
                ? $"the household's post-exit support ended on {ended:yyyy-MM-dd}"
                : "the household exited without a post-exit support period");
    }
}
