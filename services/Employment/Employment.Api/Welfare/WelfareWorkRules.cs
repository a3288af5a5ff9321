using Platform.Employment.Labourers;

namespace Platform.Employment.Welfare;

/// <summary>
/// Who may take work in a workshop (就业扶贫车间) or on a public-welfare post (公益性岗位), and when an
/// employment or assignment may end. Each method gives the reason for refusing, or null when allowed.
/// </summary>
public static class WelfareWorkRules
{
    /// <summary>The work is for the people it was created for: current members with labour of registered poor households.</summary>
    public static string? TakeWorkRefusal(Labourer labourer, LabourHousehold household) =>
        labourer.IsCurrent && labourer.HasLabour && household.Status == HouseholdStatus.Registered
            ? null
            : "Only a current member with labour of a registered poor household can take this work.";

    public static string? ReleaseRefusal(WorkshopEmployee employee) =>
        employee.LeftOn is { } left ? $"The employee already left on {left:yyyy-MM-dd}." : null;

    public static string? EndAssignmentRefusal(PostAssignment assignment) =>
        assignment.EndedOn is { } ended ? $"The assignment already ended on {ended:yyyy-MM-dd}." : null;

    /// <summary>Below the year's minimum headcount a workshop earns no subsidy, so there is nothing to grant.</summary>
    public static string? GrantRefusal(WorkshopSubsidyResult result, int year) =>
        result.AmountFen == 0
            ? $"The workshop employed {result.PoorEmployees} poor labourers in {year}; the subsidy needs at least {result.MinimumPoorEmployees}."
            : null;
}
