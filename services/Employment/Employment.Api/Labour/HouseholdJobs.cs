namespace Platform.Employment.Labour;

/// <summary>Rules over all the jobs of one household.</summary>
public static class HouseholdJobs
{
    /// <summary>
    /// Whether ending <paramref name="ended"/> leaves the household without any running job:
    /// true only when it was running and no other job of anyone in the household still runs.
    /// </summary>
    public static bool LostOnlyJob(EmploymentRecord ended, IEnumerable<EmploymentRecord> householdJobs) =>
        !householdJobs.Any(j => j.Id != ended.Id && j.HouseholdId == ended.HouseholdId && j.IsRunning);
}
