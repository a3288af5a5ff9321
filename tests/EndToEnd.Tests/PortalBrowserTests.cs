using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Pa.Registry.V1;
using Platform.Resources;
using Xunit.Abstractions;
using RegistryStatistics = Pa.Registry.V1.StatisticsService;
using RelocationStatistics = Pa.Relocation.V1.StatisticsService;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The officers' portal in a real browser (Debian's headless chromium through Selenium) on the whole suite
/// with a small demo county: what a county officer and a village officer see, checked against the services'
/// own answers, masking with and without the personal-data scope, axe on every page, screenshots kept.
/// The selectors are the portal's contract with its tests (data-figure, data-col, ids), not its layout.
/// </summary>
public sealed class PortalBrowserTests(PortalSuiteFixture fixture, ITestOutputHelper output) : IClassFixture<PortalSuiteFixture>
{
    private const string CountyOfficer = "demo-county-officer";

    private static readonly string[] OverviewCounts =
    [
        "registered-households", "registered-people", "exits-in-year", "planned-exits-in-year",
        "monitored-unstable-exited", "monitored-marginal-at-risk", "monitored-sudden-hardship",
        "dropout-open", "dangerous-houses", "zero-employment-families",
    ];

    private static readonly string[] ChildCounts = ["registered-households", "registered-people", "exits-in-year", "planned-exits-in-year"];

    private static readonly string[] BattleMapTotals = ["registered-households", "registered-people", "exited-households", "measures-total", "measures-done"];

    private readonly PortalBrowser _browser = new(fixture.Browser, fixture.Portal, fixture.Password, output);

    [Fact]
    public async Task A_county_officer_lands_on_the_county_overview_whose_figures_are_the_services_answers()
    {
        _browser.SignIn(CountyOfficer);
        Assert.Equal($"/overview/{PortalSuiteFixture.DemoCounty}", _browser.Url.AbsolutePath);

        // The assistance and relocation services build their figures from the registry's events, which may still
        // be arriving after the seeding: the page is read again until it and the services agree.
        await EventuallyAsync("the county overview and the services", async () =>
        {
            _browser.Open($"/overview/{PortalSuiteFixture.DemoCounty}");
            var shown = _browser.Figures();
            var rows = _browser.Rows("children", "data-region");
            var (figures, children) = await OverviewAnswersAsync();
            var differences = Differences("figure", figures, shown).ToList();
            differences.AddRange(Differences("child regions", children.Keys.Order().ToList(), rows.Keys.Order().ToList()));
            foreach (var (code, expected) in children)
            {
                differences.AddRange(Differences($"row {code}", expected, rows.GetValueOrDefault(code) ?? []));
            }

            return differences;
        });
        Assert.Equal(3, _browser.Driver.FindElements(By.CssSelector("figure#chart-causes svg[role=img], figure#chart-exits svg[role=img], figure#chart-guarantees svg[role=img]")).Count);
        _browser.KeepAndCheck("county-overview");
    }

    [Fact]
    public async Task A_county_officer_walks_down_to_a_village_battle_map_and_a_household_file_and_sees_full_ids_only_after_asking()
    {
        var village = fixture.Village;
        var township = village[..9] + "000";
        _browser.SignIn(CountyOfficer);

        // Down the children tables as an officer clicks: the township's row, then the village's.
        _browser.Driver.FindElement(By.CssSelector($"table#children tr[data-region='{township}'] a[href$='/overview/{township}']")).Click();
        _browser.Wait(() => _browser.Url.AbsolutePath == $"/overview/{township}", "the township overview");
        _browser.KeepAndCheck("township-overview");
        _browser.Driver.FindElement(By.CssSelector($"table#children tr[data-region='{village}'] a[href$='/villages/{village}']")).Click();
        _browser.Wait(() => _browser.Url.AbsolutePath == $"/villages/{village}", "the village battle map");

        var map = await BattleMapAsync(village);
        Assert.Empty(Differences("battle map total", map.Totals, _browser.Figures()));
        var rows = _browser.Rows("battle-map", "data-household");
        Assert.Equal(map.Rows.Select(r => r.HouseholdId).Order(), rows.Keys.Order());
        foreach (var row in map.Rows)
        {
            Assert.Equal(row.PlannedExitYear == 0 ? null : row.PlannedExitYear, PortalBrowser.Count(rows[row.HouseholdId].GetValueOrDefault("planned-exit-year")));
        }

        Assert.Contains("battle-map", _browser.Driver.FindElement(By.TagName("body")).GetAttribute("class") ?? "");
        _browser.KeepAndCheck("village-battle-map");

        // The household file, read for a purpose the officer chooses: masked IDs first, as the services give them.
        // A household with a helper: the file names the helper as the battle map does.
        var paired = map.Rows.First(r => r.HelperName.Length > 0);
        var householdId = paired.HouseholdId;
        OpenHouseholdFile(householdId);
        Assert.Equal(string.Join(" · ", new[] { paired.HelperName, paired.HelperWorkUnit }.Where(s => s.Length > 0)), _browser.Driver.FindElement(By.CssSelector("section#helper p[data-helper]")).Text.Trim());
        var masked = await MembersAsync(householdId, personalData: false);
        Assert.Equal(masked.Single(m => m.Relationship == Relationship.Head).Name, _browser.Driver.FindElement(By.TagName("h1")).Text.Trim());
        Assert.Equal(masked.Select(m => m.NationalId).Order(), ShownIds().Order());
        Assert.All(ShownIds(), id => Assert.Contains('*', id));
        _browser.KeepAndCheck("household-file-masked");

        // Asking for full IDs: the identity service asks for the password again and grants the scope this officer holds.
        var file = _browser.Url.PathAndQuery;
        _browser.Driver.FindElement(By.CssSelector("a#show-full-ids")).Click();
        _browser.SubmitPassword(CountyOfficer);
        _browser.Wait(() => _browser.Url.PathAndQuery == file, "the household file again, with the scope");
        var full = await MembersAsync(householdId, personalData: true);
        Assert.Equal(full.Select(m => m.NationalId).Order(), ShownIds().Order());
        Assert.All(ShownIds(), id => Assert.Matches("^[0-9]{17}[0-9X]$", id));
        Assert.Empty(_browser.Driver.FindElements(By.CssSelector("a#show-full-ids")));
        _browser.KeepAndCheck("household-file-full-ids");
    }

    [Fact]
    public async Task A_village_officer_sees_their_battle_map_masked_ids_is_refused_full_ones_and_cannot_open_another_villages_household()
    {
        var village = fixture.Village;
        _browser.SignIn(PortalSuiteFixture.VillageOfficerName);
        Assert.Equal($"/villages/{village}", _browser.Url.AbsolutePath);
        var map = await BattleMapAsync(village);
        Assert.Equal(map.Rows.Select(r => r.HouseholdId).Order(), _browser.Rows("battle-map", "data-household").Keys.Order());
        _browser.KeepAndCheck("village-officer-battle-map");

        var householdId = map.Rows[^1].HouseholdId;
        _browser.Driver.FindElement(By.CssSelector($"table#battle-map tr[data-household='{householdId}'] a[href$='/households/{householdId}']")).Click();
        var purpose = ChoosePurpose();
        Assert.All(ShownIds(), id => Assert.Contains('*', id));
        Assert.Equal((await MembersAsync(householdId, personalData: false)).Select(m => m.NationalId).Order(), ShownIds().Order());

        // The step up: the identity service asks again and refuses, the account lacks the scope; back on the file with a note.
        _browser.Driver.FindElement(By.CssSelector("a#show-full-ids")).Click();
        _browser.SubmitPassword(PortalSuiteFixture.VillageOfficerName);
        _browser.Wait(() => _browser.Url.AbsolutePath == $"/households/{householdId}" && _browser.Url.Query.Contains("refused=personal-data", StringComparison.Ordinal),
            "the household file with the refusal noted");
        Assert.NotEmpty(ShownIds());
        Assert.All(ShownIds(), id => Assert.Contains('*', id));
        _browser.KeepAndCheck("household-file-refused-full-ids");

        // Another village's household, by URL: the registry answers NOT_FOUND, the portal its not-found page.
        _browser.Open($"/households/{fixture.OtherVillageHousehold}?purpose={Uri.EscapeDataString(purpose)}");
        _browser.WaitFor(By.CssSelector("h1[data-problem='404']"), "the not-found page");
        Assert.Empty(_browser.Driver.FindElements(By.CssSelector("table#members")));
        _browser.KeepAndCheck("household-of-another-village");
    }

    [Fact]
    public void The_work_page_lists_what_waits_for_the_officer()
    {
        _browser.SignIn(CountyOfficer);
        _browser.Driver.FindElement(By.CssSelector("header nav a[href='/work']")).Click();
        _browser.Wait(() => _browser.Url.AbsolutePath == "/work", "the work page");
        foreach (var section in new[] { "cases", "notices", "visits" })
        {
            Assert.Single(_browser.Driver.FindElements(By.CssSelector($"section#{section}")));
        }

        _browser.KeepAndCheck("work");
    }

    [Fact]
    public void An_officer_signs_in_through_the_identity_services_form_and_out_through_the_header()
    {
        _browser.SignIn(CountyOfficer, checkFormAs: "sign-in");
        Assert.Equal(CountyOfficer, _browser.Driver.FindElement(By.CssSelector("header [data-officer]")).GetAttribute("data-officer"));

        _browser.SignOut();
        _browser.KeepAndCheck("signed-out");

        // The portal's cookie is gone: its pages ask for the password again.
        _browser.Open($"/overview/{PortalSuiteFixture.DemoCounty}");
        _browser.WaitFor(By.Id("username"), "the sign-in form after signing out");
    }

    /// <summary>The purpose form on a household file: the first real purpose, submitted; answers the purpose the URL carries.</summary>
    private string ChoosePurpose()
    {
        var form = _browser.WaitFor(By.CssSelector("form#purpose"), "the purpose form");
        var select = new SelectElement(form.FindElement(By.CssSelector("select[name=purpose]")));
        var option = select.Options.First(o => (o.GetAttribute("value") ?? "").Length > 0);
        select.SelectByValue(option.GetAttribute("value")!);
        form.FindElement(By.CssSelector("[type=submit]")).Click();
        _browser.WaitFor(By.CssSelector("table#members"), "the household's members");
        return System.Web.HttpUtility.ParseQueryString(_browser.Url.Query)["purpose"] ?? throw new InvalidOperationException($"No purpose in {_browser.Url}.");
    }

    private void OpenHouseholdFile(string householdId)
    {
        _browser.Driver.FindElement(By.CssSelector($"table#battle-map tr[data-household='{householdId}'] a[href$='/households/{householdId}']")).Click();
        ChoosePurpose();
    }

    private List<string> ShownIds() =>
        [.. _browser.Driver.FindElements(By.CssSelector("table#members tr[data-member] td[data-col='national-id']")).Select(c => c.Text.Trim())];

    /// <summary>The county's figures and its children's rows as the services answer them, as the page writes them.</summary>
    private async Task<(Dictionary<string, string> Figures, Dictionary<string, Dictionary<string, string>> Children)> OverviewAnswersAsync()
    {
        var county = PortalSuiteFixture.DemoCounty;
        var officer = fixture.County();
        using var registry = fixture.Suite.Channel(ResourceNames.HouseholdRegistry);
        using var assistance = fixture.Suite.Channel(ResourceNames.Assistance);
        using var relocation = fixture.Suite.Channel(ResourceNames.Relocation);
        var statistics = new RegistryStatistics.StatisticsServiceClient(registry).GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = county }, officer).ResponseAsync;
        var coverage = new Pa.Assistance.V1.GuaranteeService.GuaranteeServiceClient(assistance)
            .GetRegionCoverageAsync(new Pa.Assistance.V1.GetRegionCoverageRequest { RegionCode = county }, officer).ResponseAsync;
        var relocated = new RelocationStatistics.StatisticsServiceClient(relocation)
            .GetRegionStatisticsAsync(new Pa.Relocation.V1.GetRegionStatisticsRequest { RegionCode = county }, officer).ResponseAsync;
        await Task.WhenAll(statistics, coverage, relocated);

        var region = (await statistics).Region;
        long Monitored(MonitoringCategory category) => region.Monitoring.Where(m => m.Category == category).Sum(m => m.Households);
        var figures = new Dictionary<string, string>
        {
            ["registered-households"] = Count(region.RegisteredHouseholds),
            ["registered-people"] = Count(region.RegisteredPeople),
            ["incidence-rate"] = PortalBrowser.Percent(region.HasIncidenceRate ? region.IncidenceRate : null),
            ["exits-in-year"] = Count(region.ExitsInYear),
            ["planned-exits-in-year"] = Count(region.PlannedExitsInYear),
            ["monitored-unstable-exited"] = Count(Monitored(MonitoringCategory.UnstableExited)),
            ["monitored-marginal-at-risk"] = Count(Monitored(MonitoringCategory.MarginalAtRisk)),
            ["monitored-sudden-hardship"] = Count(Monitored(MonitoringCategory.SuddenHardship)),
            ["guarantee-food"] = Count((await coverage).Coverage.HouseholdsFoodAndClothingMet),
            ["guarantee-education"] = Count((await coverage).Coverage.HouseholdsEducationMet),
            ["guarantee-medical"] = Count((await coverage).Coverage.HouseholdsMedicalMet),
            ["guarantee-housing"] = Count((await coverage).Coverage.HouseholdsHousingMet),
            ["guarantee-water"] = Count((await coverage).Coverage.HouseholdsWaterMet),
            ["dropout-open"] = Count((await coverage).Coverage.DropoutCasesOpen),
            ["dangerous-houses"] = Count((await coverage).Coverage.DangerousHousesRemaining),
            ["zero-employment-families"] = Count((await relocated).Figures.ZeroEmploymentFamilies),
        };
        var children = (await statistics).Children.ToDictionary(c => c.RegionCode, c => new Dictionary<string, string>
        {
            ["registered-households"] = Count(c.RegisteredHouseholds),
            ["registered-people"] = Count(c.RegisteredPeople),
            ["incidence-rate"] = PortalBrowser.Percent(c.HasIncidenceRate ? c.IncidenceRate : null),
            ["exits-in-year"] = Count(c.ExitsInYear),
            ["planned-exits-in-year"] = Count(c.PlannedExitsInYear),
        });
        return (figures, children);
    }

    /// <summary>Every row of a village's battle map (all pages) and its totals, as the page writes them.</summary>
    private async Task<(List<BattleMapRow> Rows, Dictionary<string, string> Totals)> BattleMapAsync(string village)
    {
        using var registry = fixture.Suite.Channel(ResourceNames.HouseholdRegistry);
        var client = new RegistryStatistics.StatisticsServiceClient(registry);
        var rows = new List<BattleMapRow>();
        GetBattleMapResponse answer;
        var token = "";
        do
        {
            answer = await client.GetBattleMapAsync(new GetBattleMapRequest { VillageCode = village, Page = new Pa.Common.V1.PageRequest { PageSize = 500, PageToken = token } }, fixture.County());
            rows.AddRange(answer.Rows);
            token = answer.Page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.NotEmpty(rows);
        var totals = answer.Totals;
        return (rows, new Dictionary<string, string>
        {
            ["registered-households"] = Count(totals.RegisteredHouseholds),
            ["registered-people"] = Count(totals.RegisteredPeople),
            ["exited-households"] = Count(totals.ExitedHouseholds),
            ["measures-total"] = Count(totals.MeasuresTotal),
            ["measures-done"] = Count(totals.MeasuresDone),
        });
    }

    /// <summary>A household's members as the registry answers a county officer with or without the personal-data scope.</summary>
    private async Task<IReadOnlyList<Member>> MembersAsync(string householdId, bool personalData)
    {
        using var registry = fixture.Suite.Channel(ResourceNames.HouseholdRegistry);
        var answer = await new HouseholdService.HouseholdServiceClient(registry).GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = householdId }, fixture.County(personalData));
        return answer.Household.Members;
    }

    private static string Count(long n) => n.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Where the page's cells differ from the services' answers: counts are compared as numbers (the page may put a
    /// unit beside them), shares as the portal formats them.
    /// </summary>
    private static IEnumerable<string> Differences(string what, Dictionary<string, string> expected, Dictionary<string, string> shown)
    {
        foreach (var (name, value) in expected)
        {
            var cell = shown.GetValueOrDefault(name);
            var same = cell is not null && (value.EndsWith('%') || value == "—"
                ? cell.Contains(value, StringComparison.Ordinal)
                : PortalBrowser.Count(cell) == PortalBrowser.Count(value));
            if (!same)
            {
                yield return $"{what} {name}: the services say {value}, the page shows {cell ?? "nothing"}";
            }
        }
    }

    private static IEnumerable<string> Differences(string what, IReadOnlyList<string> expected, IReadOnlyList<string> shown) =>
        expected.SequenceEqual(shown) ? [] : [$"{what}: the services name {string.Join(", ", expected)}; the page shows {string.Join(", ", shown)}"];

    /// <summary>Compares until nothing differs or 90 s pass; then fails with what still differed.</summary>
    private async Task EventuallyAsync(string what, Func<Task<List<string>>> differences)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var found = await differences();
            if (found.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                _browser.Keep("differs-" + what.Replace(' ', '-'));
                Assert.Fail($"After 90 s {what} still differ:\n{string.Join("\n", found)}");
            }

            output.WriteLine($"{what} differ, reading again: {found[0]}");
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
    }
}
