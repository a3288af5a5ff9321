namespace Platform.Assistance.Housing;

/// <summary>
/// When a renovation project (危房改造) may start: the latest appraisal grades the house dangerous
/// (C or D), the household has no open project, and no project started since that appraisal has
/// already been accepted. A newer appraisal of a renovated house that is dangerous again allows a new one.
/// </summary>
public static class RenovationStartRule
{
    /// <summary>Why no project may start, or null when one may.</summary>
    public static string? WhyNot(HouseAppraisal? latest, IEnumerable<RenovationProject> projects)
    {
        if (latest is not { Dangerous: true })
        {
            return latest is null
                ? "The house has not been appraised; only a dangerous house (grade C or D) gets a renovation project."
                : $"The latest appraisal grades the house {latest.Grade}; only a dangerous house (grade C or D) gets a renovation project.";
        }

        if (projects.FirstOrDefault(p => p.IsOpen) is { } open)
        {
            return $"The household already has an open renovation project ({open.Id}, {HousingRule.Describe(open.Status)}).";
        }

        return projects.Any(p => p.Status == RenovationStatus.Accepted && p.StartedOn >= latest.AppraisedOn)
            ? "The dangerous house of the latest appraisal has already been renovated and accepted."
            : null;
    }
}
