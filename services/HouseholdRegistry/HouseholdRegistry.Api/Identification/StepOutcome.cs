using Platform.HouseholdRegistry.Contracts;

namespace Platform.HouseholdRegistry.Identification;

/// <summary>
/// What approving a step produced. Only the closing of the last announcement completes a case,
/// and only that publishes: the caller saves the event in the step's transaction and counts it.
/// </summary>
public abstract record StepOutcome
{
    /// <summary>The case moved on to its next step (perhaps putting up a notice); nothing is published.</summary>
    public static readonly StepOutcome MovedOn = new MovedOnOutcome();

    private StepOutcome()
    {
    }

    private sealed record MovedOnOutcome : StepOutcome;

    /// <summary>An identification case completed: the household is registered.</summary>
    public sealed record Registered(HouseholdRegistered Event) : StepOutcome;

    /// <summary>An exit case completed: the household has exited poverty.</summary>
    public sealed record Exited(HouseholdExited Event) : StepOutcome;
}
