namespace Platform.Employment.Projects;

/// <summary>The steps that move a project through the library.</summary>
public enum ProjectStep
{
    Approve,
    Reject,
    StartImplementation,
    PassAcceptance,
    FailAcceptance,
    StartOperation,
    StopOperation,
    Replan,
    RecordProgress,
    Disburse,
}

/// <summary>
/// The project library's state machine: proposed → approved (or rejected) → implementing → completed
/// → operating → stopped. A failed acceptance keeps the project implementing; re-planning (动态调整) and
/// progress reports leave the status as it is.
/// </summary>
public static class ProjectLifecycle
{
    /// <summary>The status after <paramref name="step"/>, or null when the step is not allowed from <paramref name="from"/>.</summary>
    public static ProjectStatus? Next(ProjectStatus from, ProjectStep step) => (from, step) switch
    {
        (ProjectStatus.Proposed, ProjectStep.Approve) => ProjectStatus.Approved,
        (ProjectStatus.Proposed, ProjectStep.Reject) => ProjectStatus.Rejected,
        (ProjectStatus.Approved, ProjectStep.StartImplementation) => ProjectStatus.Implementing,
        (ProjectStatus.Implementing, ProjectStep.PassAcceptance) => ProjectStatus.Completed,
        (ProjectStatus.Implementing, ProjectStep.FailAcceptance) => ProjectStatus.Implementing,
        (ProjectStatus.Completed, ProjectStep.StartOperation) => ProjectStatus.Operating,
        (ProjectStatus.Operating, ProjectStep.StopOperation) => ProjectStatus.Stopped,
        (ProjectStatus.Proposed or ProjectStatus.Approved or ProjectStatus.Implementing, ProjectStep.Replan) => from,
        (ProjectStatus.Implementing, ProjectStep.RecordProgress) => from,

        // Payments for verified work stay possible after completion: the final instalment often follows acceptance.
        (ProjectStatus.Implementing or ProjectStatus.Completed or ProjectStatus.Operating or ProjectStatus.Stopped, ProjectStep.Disburse) => from,
        _ => null,
    };

    /// <summary>Why the step is refused (for FailedPrecondition), or null when it is allowed.</summary>
    public static string? Refusal(ProjectStatus from, ProjectStep step) =>
        Next(from, step) is null ? $"a {Describe(from)} project cannot {Describe(step)}" : null;

    /// <summary>Acceptance can pass only once the whole construction is verified.</summary>
    public static string? AcceptanceRefusal(ProjectStatus from, bool passed, int progressPercent) =>
        Refusal(from, passed ? ProjectStep.PassAcceptance : ProjectStep.FailAcceptance)
        ?? (passed && progressPercent < 100 ? $"acceptance passes only at 100% verified progress; the project is at {progressPercent}%" : null);

    /// <summary>Projects in these states are still to be linked to households and followed up.</summary>
    public static bool Linkable(ProjectStatus status) => status is not (ProjectStatus.Rejected or ProjectStatus.Stopped);

    /// <summary>Why a household cannot be linked (利益联结) to a project in this status, or null when it can.</summary>
    public static string? LinkRefusal(ProjectStatus status) => Linkable(status) ? null : $"A {Describe(status)} project links no more households.";

    public static string Describe(ProjectStatus status) => status.ToString().ToLowerInvariant();

    private static string Describe(ProjectStep step) => step switch
    {
        ProjectStep.Approve => "be approved",
        ProjectStep.Reject => "be rejected",
        ProjectStep.StartImplementation => "start implementation",
        ProjectStep.PassAcceptance or ProjectStep.FailAcceptance => "have its completion accepted",
        ProjectStep.StartOperation => "start operation",
        ProjectStep.StopOperation => "stop operation",
        ProjectStep.Replan => "be re-planned",
        ProjectStep.RecordProgress => "record construction progress",
        _ => "receive a disbursement",
    };
}
