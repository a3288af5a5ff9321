using Pa.Assistance.V1;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.Portal.Text;

/// <summary>The words officers use for the platform's codes, in the page's language (国家建档立卡 terms).</summary>
public static class Names
{
    public static string Role(string role) => role switch
    {
        PlatformRoles.VillageOfficer => Lang.Pick("村干部", "Village officer"),
        PlatformRoles.TownshipOfficer => Lang.Pick("乡镇干部", "Township officer"),
        PlatformRoles.CountyOfficer => Lang.Pick("县级干部", "County officer"),
        PlatformRoles.CityOfficer => Lang.Pick("市级干部", "City officer"),
        PlatformRoles.ProvincialOfficer => Lang.Pick("省级干部", "Provincial officer"),
        PlatformRoles.Auditor => Lang.Pick("审计", "Auditor"),
        PlatformRoles.Operator => Lang.Pick("运维", "Operator"),
        _ => role,
    };

    public static string Cause(PovertyCause cause) => cause switch
    {
        PovertyCause.Illness => Lang.Pick("因病", "Illness"),
        PovertyCause.Disability => Lang.Pick("因残", "Disability"),
        PovertyCause.Schooling => Lang.Pick("因学", "Schooling"),
        PovertyCause.LackOfLabour => Lang.Pick("缺劳力", "Lack of labour"),
        PovertyCause.LackOfFunds => Lang.Pick("缺资金", "Lack of funds"),
        PovertyCause.LackOfSkills => Lang.Pick("缺技术", "Lack of skills"),
        PovertyCause.LackOfLand => Lang.Pick("缺土地", "Lack of land"),
        PovertyCause.Disaster => Lang.Pick("因灾", "Disaster"),
        PovertyCause.Other => Lang.Pick("其他", "Other"),
        _ => "—",
    };

    public static string Status(HouseholdStatus status) => status switch
    {
        HouseholdStatus.Applied => Lang.Pick("申请中", "Applied"),
        HouseholdStatus.Registered => Lang.Pick("建档立卡", "Registered"),
        HouseholdStatus.Rejected => Lang.Pick("未通过", "Rejected"),
        HouseholdStatus.Exited => Lang.Pick("已脱贫", "Exited"),
        HouseholdStatus.Monitored => Lang.Pick("监测户", "Monitored"),
        _ => "—",
    };

    public static string Monitoring(MonitoringCategory category) => category switch
    {
        MonitoringCategory.None => Lang.Pick("无", "None"),
        MonitoringCategory.UnstableExited => Lang.Pick("脱贫不稳定户", "Unstable exited"),
        MonitoringCategory.MarginalAtRisk => Lang.Pick("边缘易致贫户", "Marginal, at risk"),
        MonitoringCategory.SuddenHardship => Lang.Pick("突发严重困难户", "Sudden severe hardship"),
        _ => "—",
    };

    public static string Measure(MeasureKind kind) => kind switch
    {
        MeasureKind.Industry => Lang.Pick("产业扶持", "Industry"),
        MeasureKind.Employment => Lang.Pick("就业扶持", "Employment"),
        MeasureKind.Education => Lang.Pick("教育扶持", "Education"),
        MeasureKind.Health => Lang.Pick("健康扶持", "Health"),
        MeasureKind.Housing => Lang.Pick("危房改造", "Housing"),
        MeasureKind.Relocation => Lang.Pick("易地搬迁", "Relocation"),
        MeasureKind.SocialSecurity => Lang.Pick("兜底保障", "Social security"),
        MeasureKind.Other => Lang.Pick("其他", "Other"),
        _ => "—",
    };

    public static string MeasureStatus(Pa.Registry.V1.MeasureStatus status) => status switch
    {
        Pa.Registry.V1.MeasureStatus.Planned => Lang.Pick("计划", "Planned"),
        Pa.Registry.V1.MeasureStatus.Done => Lang.Pick("已落实", "Done"),
        _ => "—",
    };

    /// <summary>The five guarantees (两不愁三保障: food and clothing; compulsory education, basic medical care, safe housing; and drinking water).</summary>
    public static string Guarantee(string guarantee) => guarantee switch
    {
        "food" => Lang.Pick("不愁吃穿", "Food and clothing"),
        "education" => Lang.Pick("义务教育", "Compulsory education"),
        "medical" => Lang.Pick("基本医疗", "Basic medical care"),
        "housing" => Lang.Pick("住房安全", "Safe housing"),
        "water" => Lang.Pick("饮水安全", "Safe drinking water"),
        _ => guarantee,
    };

    public static string GuaranteeState(Pa.Assistance.V1.GuaranteeState state) => state switch
    {
        Pa.Assistance.V1.GuaranteeState.Met => Lang.Pick("达标", "Met"),
        Pa.Assistance.V1.GuaranteeState.NotMet => Lang.Pick("未达标", "Not met"),
        _ => Lang.Pick("未知", "Unknown"),
    };
}
