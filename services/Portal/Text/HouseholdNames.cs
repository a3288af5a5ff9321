using Pa.Employment.V1;
using Pa.Registry.V1;
using Pa.Relocation.V1;
using RegistryCaseOutcome = Pa.Registry.V1.CaseOutcome;

namespace Platform.Portal.Text;

/// <summary>
/// Words for the codes a household file shows (members, cases, income, jobs, relocation), in the page's
/// language. Kept apart from <see cref="Names"/> so the shared file stays the lead's.
/// </summary>
public static class HouseholdNames
{
    public static string Relationship(Pa.Registry.V1.Relationship relationship) => relationship switch
    {
        Pa.Registry.V1.Relationship.Head => Lang.Pick("户主", "Head"),
        Pa.Registry.V1.Relationship.Spouse => Lang.Pick("配偶", "Spouse"),
        Pa.Registry.V1.Relationship.Child => Lang.Pick("子女", "Child"),
        Pa.Registry.V1.Relationship.Parent => Lang.Pick("父母", "Parent"),
        Pa.Registry.V1.Relationship.Grandchild => Lang.Pick("孙子女", "Grandchild"),
        Pa.Registry.V1.Relationship.Grandparent => Lang.Pick("祖父母", "Grandparent"),
        Pa.Registry.V1.Relationship.Sibling => Lang.Pick("兄弟姐妹", "Sibling"),
        Pa.Registry.V1.Relationship.ChildInLaw => Lang.Pick("儿媳/女婿", "Child-in-law"),
        Pa.Registry.V1.Relationship.Other => Lang.Pick("其他", "Other"),
        _ => "—",
    };

    public static string Sex(Pa.Registry.V1.Sex sex) => sex switch
    {
        Pa.Registry.V1.Sex.Male => Lang.Pick("男", "Male"),
        Pa.Registry.V1.Sex.Female => Lang.Pick("女", "Female"),
        _ => "—",
    };

    public static string Health(HealthStatus health, int disabilityGrade) => health switch
    {
        HealthStatus.Healthy => Lang.Pick("健康", "Healthy"),
        HealthStatus.ChronicIllness => Lang.Pick("长期慢性病", "Chronic illness"),
        HealthStatus.SeriousIllness => Lang.Pick("患大病", "Serious illness"),
        HealthStatus.Disability => disabilityGrade > 0
            ? Lang.Pick($"残疾（{disabilityGrade}级）", $"Disability (grade {disabilityGrade})")
            : Lang.Pick("残疾", "Disability"),
        _ => "—",
    };

    public static string Labour(LabourCapacity capacity) => capacity switch
    {
        LabourCapacity.Normal => Lang.Pick("普通劳动力", "Normal"),
        LabourCapacity.Weak => Lang.Pick("弱劳动力", "Weak"),
        LabourCapacity.None => Lang.Pick("无劳动力", "None"),
        _ => "—",
    };

    public static string Schooling(SchoolingStatus schooling) => schooling switch
    {
        SchoolingStatus.NotOfSchoolAge => Lang.Pick("非在校年龄", "Not of school age"),
        SchoolingStatus.InSchool => Lang.Pick("在校生", "In school"),
        SchoolingStatus.DroppedOut => Lang.Pick("辍学", "Dropped out"),
        SchoolingStatus.Completed => Lang.Pick("已完成学业", "Completed"),
        _ => "—",
    };

    public static string Pathway(AssistancePathway pathway) => pathway switch
    {
        AssistancePathway.ProductionAndEmployment => Lang.Pick("发展生产和就业", "Production and employment"),
        AssistancePathway.Education => Lang.Pick("发展教育", "Education"),
        AssistancePathway.Relocation => Lang.Pick("易地扶贫搬迁", "Relocation"),
        AssistancePathway.SocialSecurity => Lang.Pick("社会保障兜底", "Social security"),
        _ => "—",
    };

    public static string CaseKind(Pa.Registry.V1.CaseKind kind) => kind switch
    {
        Pa.Registry.V1.CaseKind.Identification => Lang.Pick("精准识别", "Identification"),
        Pa.Registry.V1.CaseKind.Exit => Lang.Pick("脱贫退出", "Exit"),
        _ => "—",
    };

    public static string Stage(CaseStage stage) => stage switch
    {
        CaseStage.Application => Lang.Pick("申请", "Application"),
        CaseStage.GroupAppraisal => Lang.Pick("组评议", "Group appraisal"),
        CaseStage.VillageReview => Lang.Pick("村审查", "Village review"),
        CaseStage.VillageNotice => Lang.Pick("村公示", "Village notice"),
        CaseStage.TownshipCheck => Lang.Pick("乡审核", "Township check"),
        CaseStage.CountyApproval => Lang.Pick("县审定", "County approval"),
        CaseStage.Announcement => Lang.Pick("公告", "Announcement"),
        _ => "—",
    };

    public static string Outcome(RegistryCaseOutcome outcome) => outcome switch
    {
        RegistryCaseOutcome.Open => Lang.Pick("办理中", "Open"),
        RegistryCaseOutcome.Registered => Lang.Pick("已建档", "Registered"),
        RegistryCaseOutcome.Exited => Lang.Pick("已退出", "Exited"),
        RegistryCaseOutcome.Rejected => Lang.Pick("未通过", "Rejected"),
        RegistryCaseOutcome.Excluded => Lang.Pick("五不录排除", "Excluded (五不录)"),
        _ => "—",
    };

    public static string Decision(StepDecision decision) => decision switch
    {
        StepDecision.Open => Lang.Pick("发起", "Opened"),
        StepDecision.Approve => Lang.Pick("通过", "Approved"),
        StepDecision.Reject => Lang.Pick("不通过", "Rejected"),
        StepDecision.Return => Lang.Pick("退回村审查", "Returned to village review"),
        StepDecision.Exclude => Lang.Pick("五不录排除", "Excluded"),
        StepDecision.Override => Lang.Pick("县级推翻排除", "Exclusion overridden"),
        _ => "—",
    };

    public static string NoticeKind(Pa.Registry.V1.NoticeKind kind) => kind switch
    {
        Pa.Registry.V1.NoticeKind.VillageNotice => Lang.Pick("村公示", "Village notice"),
        Pa.Registry.V1.NoticeKind.Announcement => Lang.Pick("县公告", "Announcement"),
        _ => "—",
    };

    public static string NoticeStatus(Pa.Registry.V1.NoticeStatus status) => status switch
    {
        Pa.Registry.V1.NoticeStatus.Open => Lang.Pick("公示中", "Open"),
        Pa.Registry.V1.NoticeStatus.Closed => Lang.Pick("已结束", "Closed"),
        Pa.Registry.V1.NoticeStatus.Withdrawn => Lang.Pick("已撤回", "Withdrawn"),
        _ => "—",
    };

    public static string Position(IncomePosition position) => position switch
    {
        IncomePosition.BelowLine => Lang.Pick("低于贫困线", "Below the line"),
        IncomePosition.WithinBand => Lang.Pick("监测范围内", "Within the monitoring band"),
        IncomePosition.AboveBand => Lang.Pick("高于监测范围", "Above the band"),
        _ => "—",
    };

    /// <summary>The registry's income categories; another service's category shows as sent.</summary>
    public static string IncomeCategory(string category) => category switch
    {
        "wages" => Lang.Pick("工资性收入", "Wages"),
        "production-net" => Lang.Pick("生产经营性净收入", "Production (net)"),
        "property" => Lang.Pick("财产性收入", "Property"),
        "transfer" => Lang.Pick("转移性收入", "Transfers"),
        "medical-expenditure" => Lang.Pick("医疗支出", "Medical expenditure"),
        "education-expenditure" => Lang.Pick("教育支出", "Education expenditure"),
        "employment" => Lang.Pick("务工收入", "Employment"),
        "dividend" => Lang.Pick("资产收益分红", "Dividends"),
        "medical-insurance" => Lang.Pick("医保报销", "Medical insurance"),
        _ => category,
    };

    public static string EmploymentType(Pa.Employment.V1.EmploymentType type) => type switch
    {
        Pa.Employment.V1.EmploymentType.LocalEnterprise => Lang.Pick("本地企业", "Local enterprise"),
        Pa.Employment.V1.EmploymentType.Workshop => Lang.Pick("扶贫车间", "Workshop"),
        Pa.Employment.V1.EmploymentType.PublicWelfarePost => Lang.Pick("公益性岗位", "Public-welfare post"),
        Pa.Employment.V1.EmploymentType.InProvinceMigrant => Lang.Pick("省内务工", "Migrant, in province"),
        Pa.Employment.V1.EmploymentType.OutOfProvinceMigrant => Lang.Pick("省外务工", "Migrant, out of province"),
        Pa.Employment.V1.EmploymentType.SelfEmployed => Lang.Pick("自主创业", "Self-employed"),
        Pa.Employment.V1.EmploymentType.FlexibleDayWork => Lang.Pick("灵活就业", "Flexible day work"),
        _ => "—",
    };

    public static string RelocationStage(Pa.Relocation.V1.RelocationStage stage) => stage switch
    {
        Pa.Relocation.V1.RelocationStage.Planned => Lang.Pick("已规划", "Planned"),
        Pa.Relocation.V1.RelocationStage.MovedIn => Lang.Pick("已入住", "Moved in"),
        Pa.Relocation.V1.RelocationStage.HomesteadReclaimed => Lang.Pick("已拆旧复垦", "Old homestead reclaimed"),
        _ => "—",
    };

    public static string RelocationReason(Pa.Relocation.V1.RelocationReason reason) => reason switch
    {
        Pa.Relocation.V1.RelocationReason.UnlivableConditions => Lang.Pick("一方水土养不起一方人", "Unlivable conditions"),
        Pa.Relocation.V1.RelocationReason.EcologicalFragility => Lang.Pick("生态脆弱", "Ecological fragility"),
        Pa.Relocation.V1.RelocationReason.FrequentDisasters => Lang.Pick("灾害频发", "Frequent disasters"),
        _ => "—",
    };

    /// <summary>Hundredths of a square metre as "75.50 m²".</summary>
    public static string Area(int hundredths) => (hundredths / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " m²";
}
