using Microsoft.Extensions.Options;

namespace Platform.Employment.Policy;

/// <summary>Configuration section <c>Employment:Policy</c>: amounts and rates per year.</summary>
public sealed class EmploymentPolicyOptions
{
    public const string Section = "Employment:Policy";

    public Dictionary<int, YearPolicy> Years { get; set; } = [];
}

/// <summary>
/// The amounts of one year, in whole fen. Every value can be set per year in configuration
/// (<c>Employment:Policy:Years:2026:CollectiveIncomeStandardFen</c>); a year without its own entry
/// uses the latest earlier year that has one, then the defaults below.
/// </summary>
public sealed record YearPolicy
{
    /// <summary>A village's collective income below this is listed (村集体经济收入): 180,000 yuan.</summary>
    public long CollectiveIncomeStandardFen { get; init; } = 18_000_000;

    /// <summary>Transport subsidy (交通补贴) per out-of-province migrant job and year: 1,000 yuan.</summary>
    public long OutOfProvinceTransportSubsidyFen { get; init; } = 100_000;

    /// <summary>Fund expenditure target (资金支出进度): the share of the year's approved project budgets a county should have disbursed, in percent.</summary>
    public int FundExpenditureTargetPercent { get; init; } = 90;

    /// <summary>
    /// Industry award and subsidy rates (产业奖补) in fen per unit, by item (any case): Huoqiu paid
    /// 15 yuan per chicken raised. A year's configuration adds items to (or changes) these defaults:
    /// <c>Employment:Policy:Years:2026:IndustrySubsidyRatesFen:pig</c> = 20000.
    /// </summary>
    public Dictionary<string, long> IndustrySubsidyRatesFen { get; init; } = new(StringComparer.OrdinalIgnoreCase) { ["chicken"] = 1_500 };

    /// <summary>A workshop's subsidy per poor labourer employed in the year (就业扶贫车间补贴): 1,000 yuan.</summary>
    public long WorkshopSubsidyPerPoorEmployeeFen { get; init; } = 100_000;

    /// <summary>A workshop employing fewer poor labourers than this in the year gets no subsidy.</summary>
    public int WorkshopMinimumPoorEmployees { get; init; } = 5;

    /// <summary>The most a public-welfare post (公益性岗位) pays one labourer in a month: 800 yuan.</summary>
    public long PublicWelfarePostMonthlyCapFen { get; init; } = 80_000;
}

/// <summary>Answers which amounts apply in a given year.</summary>
public sealed class EmploymentPolicy(IOptions<EmploymentPolicyOptions> options)
{
    private static readonly YearPolicy Defaults = new();

    public YearPolicy For(int year) =>
        options.Value.Years.Where(y => y.Key <= year).OrderByDescending(y => y.Key).Select(y => y.Value).FirstOrDefault() ?? Defaults;
}
