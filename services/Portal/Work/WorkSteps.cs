using Pa.Registry.V1;
using Platform.Security;

namespace Platform.Portal.Work;

/// <summary>
/// Which case steps wait for an officer of a given role. This mirrors the registry's own rule
/// (HouseholdRegistry CaseWorkflow.Owners): the service refuses a step to any other role, so the
/// portal lists only the cases the officer can actually move on. Notices (公示/公告) are closed by
/// village and township officers and are listed in their own section, not here.
/// </summary>
public static class WorkSteps
{
    /// <summary>The non-notice stages whose step <paramref name="role"/> takes.</summary>
    public static IReadOnlyList<CaseStage> CaseStagesFor(string role) => role switch
    {
        // 组评议 and 村审查 (an exit case opens at village review).
        PlatformRoles.VillageOfficer => [CaseStage.GroupAppraisal, CaseStage.VillageReview],
        // 乡审核 (identification only).
        PlatformRoles.TownshipOfficer => [CaseStage.TownshipCheck],
        // 县审定 of identification and exit cases.
        PlatformRoles.CountyOfficer => [CaseStage.CountyApproval],
        // City and provincial officers and auditors watch; they take no step.
        _ => [],
    };

    /// <summary>The two notice stages: a case waits at one of them while its notice is up.</summary>
    public static readonly IReadOnlyList<CaseStage> NoticeStages = [CaseStage.VillageNotice, CaseStage.Announcement];

    /// <summary>Village and township officers close notices (CloseNotice) and resolve objections.</summary>
    public static bool KeepsNotices(string role) => role is PlatformRoles.VillageOfficer or PlatformRoles.TownshipOfficer;
}
