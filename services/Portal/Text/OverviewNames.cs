using Pa.Registry.V1;

namespace Platform.Portal.Text;

/// <summary>The overview's figure labels, by the contract's figure names (data-figure / data-col), in the page's language.</summary>
public static class OverviewNames
{
    public static string Figure(string name) => name switch
    {
        "registered-households" => Lang.Pick("建档立卡户数", "Registered households"),
        "registered-people" => Lang.Pick("建档立卡人数", "Registered people"),
        "incidence-rate" => Lang.Pick("贫困发生率", "Incidence rate"),
        "exits-in-year" => Lang.Pick("本年脱贫户数", "Exits this year"),
        "planned-exits-in-year" => Lang.Pick("本年计划脱贫户数", "Planned exits this year"),
        "monitored-unstable-exited" => Names.Monitoring(MonitoringCategory.UnstableExited),
        "monitored-marginal-at-risk" => Names.Monitoring(MonitoringCategory.MarginalAtRisk),
        "monitored-sudden-hardship" => Names.Monitoring(MonitoringCategory.SuddenHardship),
        "guarantee-food" => Lang.Pick("不愁吃穿达标户", "Food and clothing met"),
        "guarantee-education" => Lang.Pick("义务教育达标户", "Education met"),
        "guarantee-medical" => Lang.Pick("基本医疗达标户", "Medical care met"),
        "guarantee-housing" => Lang.Pick("住房安全达标户", "Safe housing met"),
        "guarantee-water" => Lang.Pick("饮水安全达标户", "Safe water met"),
        "dropout-open" => Lang.Pick("控辍保学未结案件", "Open dropout-risk cases"),
        "dangerous-houses" => Lang.Pick("剩余危房", "Dangerous houses remaining"),
        "zero-employment-families" => Lang.Pick("安置点零就业家庭", "Zero-employment families at sites"),
        "fund-spent" => Lang.Pick("资金已支出", "Funds spent"),
        "fund-target" => Lang.Pick("支出目标金额", "Spending target"),
        _ => name,
    };

    /// <summary>A short unit after a count in a chart or table ("户", "人").</summary>
    public static string People(long count) => Lang.Pick($"{Format.Count(count)} 人", $"{Format.Count(count)} people");
}
