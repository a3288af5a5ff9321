using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Helpers;

/// <summary>
/// When village work teams (驻村工作队) take over and assistance measures (帮扶措施) are planned and
/// written off (销号). Each answers why not, or null when the step may be taken.
/// </summary>
public static class SupportRules
{
    /// <summary>A village has one team at a time; a new team starts after the current one did, which then ends the day before.</summary>
    public static string? WhyTeamCannotStart(DateOnly? currentFrom, DateOnly from) =>
        currentFrom >= from ? $"The village's current team serves from {currentFrom:yyyy-MM-dd}; a new team must start after that." : null;

    /// <summary>A rejected application has no assistance plan; every other household (applied, registered, exited, monitored) may have one.</summary>
    public static string? WhyNoPlan(HouseholdStatus status) =>
        status == HouseholdStatus.Rejected ? "The household's application was rejected; it has no assistance plan." : null;

    /// <summary>A measure is written off once; the first write-off stands.</summary>
    public static string? WhyNotCompletable(AssistanceMeasure measure) =>
        measure.Status == MeasureStatus.Done ? $"The measure was already written off on {measure.DoneAt:yyyy-MM-dd} by {measure.DoneBy}." : null;
}
