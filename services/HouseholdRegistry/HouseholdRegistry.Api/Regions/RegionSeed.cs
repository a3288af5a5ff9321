using Platform.Security;

namespace Platform.HouseholdRegistry.Regions;

/// <summary>
/// The two counties of the source reports with some of their townships and villages. County
/// and higher codes are the real division codes; codes below county level are illustrative, and so
/// are the villages' rural populations, except 新村's 1,782 from the Weishan report.
/// </summary>
public static class RegionSeed
{
    public const string HuoqiuCounty = "341522000000";
    public const string WeishanCounty = "532927000000";

    /// <summary>七里棚村, 长集镇, Huoqiu: the village of the chicken-raising case.</summary>
    public const string QilipengVillage = "341522104201";

    /// <summary>新村, 南诏镇, Weishan: 470 households, 1,782 people.</summary>
    public const string XincunVillage = "532927100201";

    public static readonly Region[] All =
    [
        R("340000000000", "安徽省"),
        R("341500000000", "六安市"),
        R(HuoqiuCounty, "霍邱县"),
        R("341522100000", "城关镇"),
        R("341522100201", "东湖村", ruralPopulation: 2856),
        R("341522100202", "西湖村", ruralPopulation: 3120),
        R("341522101000", "河口镇"),
        R("341522101201", "河口村", ruralPopulation: 2470),
        R("341522101202", "杨湾村", ruralPopulation: 2215),
        R("341522104000", "长集镇"),
        R(QilipengVillage, "七里棚村", ruralPopulation: 2630),
        R("341522104202", "长集村", ruralPopulation: 3305),
        R("530000000000", "云南省"),
        R("532900000000", "大理白族自治州"),
        R(WeishanCounty, "巍山彝族回族自治县"),
        R("532927100000", "南诏镇"),
        R(XincunVillage, "新村", ruralPopulation: 1782),
        R("532927100202", "古城村", ruralPopulation: 2140),
        R("532927101000", "庙街镇"),
        R("532927101201", "庙街村", ruralPopulation: 2760),
        R("532927101202", "古富村", ruralPopulation: 1935),
        R("532927102000", "大仓镇"),
        R("532927102201", "大仓村", ruralPopulation: 2510),
        R("532927102202", "甸中村", ruralPopulation: 2290),
    ];

    private static Region R(string code, string name, int? ruralPopulation = null)
    {
        var parsed = RegionCode.Parse(code);
        return new Region
        {
            Code = code,
            Name = name,
            Level = parsed.Level,
            ParentCode = parsed.Parent?.Value,
            RuralPopulation = ruralPopulation,
        };
    }
}
