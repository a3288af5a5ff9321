using Pa.Registry.V1;

namespace Platform.Portal.Text;

/// <summary>The names of the identification and exit cases' steps and notices (一评二审三公示), for "My work".</summary>
public static class WorkNames
{
    public static string CaseKind(Pa.Registry.V1.CaseKind kind) => kind switch
    {
        Pa.Registry.V1.CaseKind.Identification => Lang.Pick("精准识别", "Identification"),
        Pa.Registry.V1.CaseKind.Exit => Lang.Pick("脱贫退出", "Exit"),
        _ => "—",
    };

    public static string Stage(CaseStage stage) => stage switch
    {
        CaseStage.Application => Lang.Pick("户申请", "Application"),
        CaseStage.GroupAppraisal => Lang.Pick("组评议", "Village-group appraisal"),
        CaseStage.VillageReview => Lang.Pick("村审查", "Village review"),
        CaseStage.VillageNotice => Lang.Pick("村内公示", "Village notice"),
        CaseStage.TownshipCheck => Lang.Pick("乡审核", "Township check"),
        CaseStage.CountyApproval => Lang.Pick("县审定", "County approval"),
        CaseStage.Announcement => Lang.Pick("公告", "Announcement"),
        _ => "—",
    };

    public static string NoticeKind(Pa.Registry.V1.NoticeKind kind) => kind switch
    {
        Pa.Registry.V1.NoticeKind.VillageNotice => Lang.Pick("公示", "Village notice"),
        Pa.Registry.V1.NoticeKind.Announcement => Lang.Pick("公告", "Announcement"),
        _ => "—",
    };
}
