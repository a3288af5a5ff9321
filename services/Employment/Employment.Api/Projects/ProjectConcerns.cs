namespace Platform.Employment.Projects;

/// <summary>
/// Projects that were sought but neither implemented nor managed (重争取、轻实施、缺管理) must be followed
/// through operation: a built or running project that benefits no household, and a project that stopped.
/// </summary>
public static class ProjectConcerns
{
    /// <summary>Why the project needs following up, or null when it does not.</summary>
    public static string? Of(ProjectStatus status, string? stopReason, int linkedHouseholds) => status switch
    {
        ProjectStatus.Stopped => $"stopped operating: {stopReason}",
        ProjectStatus.Completed when linkedHouseholds == 0 => "completed but linked to no household",
        ProjectStatus.Operating when linkedHouseholds == 0 => "operating but linked to no household",
        _ => null,
    };
}
