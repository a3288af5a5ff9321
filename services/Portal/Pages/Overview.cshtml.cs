using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Portal.Officers;
using Platform.Portal.Overview;
using Platform.Portal.Services;
using Platform.Portal.Text;

namespace Platform.Portal.Pages;

/// <summary>
/// A region's overview (county, township, city, province): its figures, one row per child region, and
/// three charts. The region defaults to the officer's; the services refuse one outside it (NOT_FOUND,
/// shown by the problem page). Values are formatted here so the view only lays them out.
/// </summary>
public sealed class OverviewModel(ServiceCalls calls, ILogger<OverviewModel> logger) : PageModel
{
    /// <summary>The figures of the region, in the order of the page, by the contract's names.</summary>
    public static readonly string[] FigureNames =
    [
        "registered-households", "registered-people", "incidence-rate", "exits-in-year", "planned-exits-in-year",
        "monitored-unstable-exited", "monitored-marginal-at-risk", "monitored-sudden-hardship",
        "guarantee-food", "guarantee-education", "guarantee-medical", "guarantee-housing", "guarantee-water",
        "dropout-open", "dangerous-houses", "zero-employment-families", "fund-spent", "fund-target",
    ];

    /// <summary>The children table's columns: every figure a service gives per child region (fund progress is per county only).</summary>
    public static readonly string[] ChildColumns = FigureNames.Where(n => !n.StartsWith("fund-", StringComparison.Ordinal)).ToArray();

    public OverviewData Data { get; private set; } = null!;

    /// <summary>Notes under the figures: which figures the services refused or do not keep for this region.</summary>
    public List<string> Notes { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? region)
    {
        region ??= Officer.From(User).Region;
        if (!RegionCodes.IsValid(region))
        {
            return NotFound();
        }

        Data = await new OverviewReader(calls, logger).ReadAsync(region);
        Note(Data.Coverage.Refused || Data.ChildCoverage.Refused, Lang.Pick("控辍保学和危房数字", "Dropout and dangerous-house figures"));
        Note(Data.Guarantees.Refused || Data.ChildGuarantees.Refused, Lang.Pick("“两不愁三保障”达标户数", "Guarantee figures"));
        Note(Data.Relocation.Refused || Data.ChildRelocation.Refused, Lang.Pick("安置点零就业家庭", "Zero-employment families"));
        Note(Data.Fund?.Refused == true, Lang.Pick("资金支出进度", "Fund expenditure"));
        if (Data.Fund is null)
        {
            Notes.Add(Lang.Pick("资金支出进度按县统计，请在县的概览中查看。", "Fund expenditure is kept per county: see a county's overview."));
        }

        return Page();
    }

    private void Note(bool refused, string what)
    {
        if (refused)
        {
            Notes.Add(Lang.Pick($"{what}：您的角色无权查看（显示为“—”）。", $"{what}: not open to your role (shown as “—”)."));
        }
    }

    /// <summary>The region's value of a figure, formatted; "—" when refused or not kept.</summary>
    public string RegionValue(string name) => name switch
    {
        "fund-spent" => Data.Fund?.Value is { } f ? Format.Money(f.Disbursed) : "—",
        "fund-target" => Data.Fund?.Value is { } f ? Format.Yuan(TargetFen(f)) : "—",
        _ => Value(name, Data.Region, Data.Coverage.Value, Data.Guarantees.Value, Data.Relocation.Value),
    };

    /// <summary>A child region's value of a figure, formatted; "—" when its service gave none for the child.</summary>
    public string ChildValue(string name, RegionFigures child) => Value(name, child,
        // The assistance service lists only children with households in its replica: one it leaves out has none.
        Data.ChildCoverage.Value is { } coverage ? coverage.GetValueOrDefault(child.RegionCode) ?? new Pa.Assistance.V1.RegionCoverage() : null,
        Data.ChildGuarantees.Value?.GetValueOrDefault(child.RegionCode),
        Data.ChildRelocation.Value?.GetValueOrDefault(child.RegionCode));

    private static string Value(string name, RegionFigures r, Pa.Assistance.V1.RegionCoverage? coverage, GuaranteeTally? guarantees,
        Pa.Relocation.V1.RelocationFigures? relocation) => name switch
    {
        "registered-households" => Format.Count(r.RegisteredHouseholds),
        "registered-people" => Format.Count(r.RegisteredPeople),
        "incidence-rate" => Format.Percent(r.HasIncidenceRate ? r.IncidenceRate : null),
        "exits-in-year" => Format.Count(r.ExitsInYear),
        "planned-exits-in-year" => Format.Count(r.PlannedExitsInYear),
        "monitored-unstable-exited" => Format.Count(Monitored(r, MonitoringCategory.UnstableExited)),
        "monitored-marginal-at-risk" => Format.Count(Monitored(r, MonitoringCategory.MarginalAtRisk)),
        "monitored-sudden-hardship" => Format.Count(Monitored(r, MonitoringCategory.SuddenHardship)),
        _ when name.StartsWith("guarantee-", StringComparison.Ordinal) =>
            guarantees is null ? "—" : Format.Count(guarantees.MetOf(name["guarantee-".Length..])),
        "dropout-open" => coverage is null ? "—" : Format.Count(coverage.DropoutCasesOpen),
        "dangerous-houses" => coverage is null ? "—" : Format.Count(coverage.DangerousHousesRemaining),
        // A region without resettlement sites has none: the service answers zeros, not NOT_FOUND.
        "zero-employment-families" => relocation is null ? "—" : Format.Count(relocation.ZeroEmploymentFamilies),
        _ => "—",
    };

    /// <summary>Households in a monitoring category; a category the registry does not list has none.</summary>
    public static int Monitored(RegionFigures r, MonitoringCategory category) =>
        r.Monitoring.Where(m => m.Category == category).Sum(m => m.Households);

    /// <summary>The amount the year's target asks to have spent: target% of the approved budgets, in whole fen, rounded up.</summary>
    public static long TargetFen(Pa.Employment.V1.GetFundProgressResponse f) =>
        ((f.Approved?.Fen ?? 0) * f.TargetPercent + 99) / 100;

    /// <summary>Where a child's name leads: a village's battle map, any other region's overview.</summary>
    public static string ChildLink(string code) =>
        RegionCodes.Level(code) == RegionLevel.Village ? $"/villages/{code}" : $"/overview/{code}";
}
