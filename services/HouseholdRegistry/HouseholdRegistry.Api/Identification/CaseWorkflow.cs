using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Identification;

/// <summary>Why a step may not be taken now.</summary>
public enum StepRefusal
{
    None,
    WrongRole,
    CaseClosed,
    OutOfOrder,
}

/// <summary>
/// The order of the steps of a case (一评二审三公示: one appraisal, two reviews, three notices) and
/// the role that owns each. Identification: group appraisal → village review → village notice →
/// township check → county approval → announcement. Exit skips the group appraisal and the
/// township check.
/// </summary>
public static class CaseWorkflow
{
    private static readonly HashSet<string> Village = [PlatformRoles.VillageOfficer];
    private static readonly HashSet<string> Township = [PlatformRoles.TownshipOfficer];
    private static readonly HashSet<string> County = [PlatformRoles.CountyOfficer];
    private static readonly HashSet<string> NoticeKeepers = [PlatformRoles.VillageOfficer, PlatformRoles.TownshipOfficer];
    private static readonly HashSet<string> Nobody = [];

    /// <summary>The step a new case waits for.</summary>
    public static CaseStage FirstStage(CaseKind kind) => kind == CaseKind.Exit ? CaseStage.VillageReview : CaseStage.GroupAppraisal;

    /// <summary>The step after an approval of <paramref name="stage"/>; null when that approval completes the case.</summary>
    public static CaseStage? After(CaseKind kind, CaseStage stage) => (kind, stage) switch
    {
        (CaseKind.Identification, CaseStage.GroupAppraisal) => CaseStage.VillageReview,
        (_, CaseStage.VillageReview) => CaseStage.VillageNotice,
        (CaseKind.Identification, CaseStage.VillageNotice) => CaseStage.TownshipCheck,
        (CaseKind.Exit, CaseStage.VillageNotice) => CaseStage.CountyApproval,
        (CaseKind.Identification, CaseStage.TownshipCheck) => CaseStage.CountyApproval,
        (_, CaseStage.CountyApproval) => CaseStage.Announcement,
        (_, CaseStage.Announcement) => null,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), $"{stage} is not a step of a {kind} case."),
    };

    /// <summary>The roles that take a step; the caller's region scope then decides whose case it may be.</summary>
    public static IReadOnlySet<string> Owners(CaseStage stage) => stage switch
    {
        CaseStage.GroupAppraisal or CaseStage.VillageReview => Village,
        CaseStage.VillageNotice or CaseStage.Announcement => NoticeKeepers,
        CaseStage.TownshipCheck => Township,
        CaseStage.CountyApproval => County,
        _ => Nobody,
    };

    public static bool IsNotice(CaseStage stage) => stage is CaseStage.VillageNotice or CaseStage.Announcement;

    public static NoticeKind NoticeKindOf(CaseStage stage) =>
        stage == CaseStage.Announcement ? NoticeKind.Announcement : NoticeKind.VillageNotice;

    /// <summary>Whether <paramref name="role"/> may take <paramref name="step"/> on the case now; the role is checked first.</summary>
    public static StepRefusal Check(CaseOutcome outcome, CaseStage current, CaseStage step, string role) =>
        !Owners(step).Contains(role) ? StepRefusal.WrongRole
        : outcome != CaseOutcome.Open ? StepRefusal.CaseClosed
        : current != step ? StepRefusal.OutOfOrder
        : StepRefusal.None;

    /// <summary>A notice is not rejected outright: an objection is filed and, if upheld, the case goes back to village review.</summary>
    public static bool IsRejectable(CaseStage stage) => !IsNotice(stage) && Owners(stage).Count > 0;

    /// <summary>Why <paramref name="role"/> may not reject the case now, or null when it may: an open case, at a step the role owns and can reject.</summary>
    public static string? WhyNotRejectable(CaseOutcome outcome, CaseStage stage, string role) =>
        outcome != CaseOutcome.Open ? $"The case is closed ({outcome})."
        : !IsRejectable(stage) || !Owners(stage).Contains(role) ? $"The case is at {stage}, which a {role} cannot reject; a notice is challenged by an objection."
        : null;

    /// <summary>Only a case closed by 五不录 can be set aside by the county; any other outcome was decided on its merits.</summary>
    public static string? WhyNotOverridable(CaseOutcome outcome) =>
        outcome == CaseOutcome.Excluded ? null : $"Only an excluded case can be overridden; this one is {outcome}.";

    /// <summary>Roles that own at least one rejectable step.</summary>
    public static bool MayReject(string role) => Enum.GetValues<CaseStage>().Any(s => IsRejectable(s) && Owners(s).Contains(role));
}
