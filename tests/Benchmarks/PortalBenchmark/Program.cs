using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Benchmarks.Portal;

/// <summary>
/// Page loads of a RUNNING officers' portal, as one signed-in officer: signs in through the real sign-in
/// flow (<see cref="PortalBrowser"/>), finds a village (the overview's children, or overview → township →
/// village) and a household (the village's battle map), then after warm-up loads times <c>--loads</c> loads
/// each of the overview, the battle map, a household file and "My work", printing p50, p99, max and the
/// page's size. Every load must answer 200 with the page's own markup. A page the portal does not have
/// (404) is reported as missing and the rest is still timed. From the repository root, with the suite
/// running (<c>dotnet run --project AppHost</c>):
/// <c>dotnet run -c Release --project tests/Benchmarks/PortalBenchmark -- [--portal http://localhost:5120] [--user demo-county-officer] [--password P | --data-dir .data] [--loads 50] [--warmup 3]</c>
/// </summary>
public static partial class Program
{
    public static async Task<int> Main(string[] args)
    {
        var portal = new Uri("http://localhost:5120");
        string user = "demo-county-officer", dataDir = ".data";
        string? password = null;
        int loads = 50, warmUp = 3;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            var number = int.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0;
            switch (args[i])
            {
                case "--portal" when Uri.TryCreate(value, UriKind.Absolute, out var uri):
                    portal = uri;
                    break;
                case "--user" when value is not null:
                    user = value;
                    break;
                case "--password" when value is not null:
                    password = value;
                    break;
                case "--data-dir" when value is not null:
                    dataDir = value;
                    break;
                case "--loads" when number:
                    loads = n;
                    break;
                case "--warmup" when number:
                    warmUp = n;
                    break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. Usage: [--portal URL] [--user NAME] [--password P | --data-dir DIR] [--loads N] [--warmup N]");
                    return 2;
            }

            i++;
        }

        // The development officers' password is the suite's own (AppHost writes it to DataDir/dev-secrets.json).
        if (password is null)
        {
            var secrets = Path.Combine(dataDir, "dev-secrets.json");
            if (!File.Exists(secrets))
            {
                Console.Error.WriteLine($"No --password and no {secrets}; pass --password or --data-dir (the suite's DataDir).");
                return 2;
            }

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(secrets));
            password = json.RootElement.GetProperty("DevelopmentPassword").GetString() ?? "";
        }

        var ct = CancellationToken.None;
        using var browser = new PortalBrowser(TimeSpan.FromMinutes(2));
        Console.WriteLine($"Portal benchmark: {portal} as {user}; {warmUp} warm-up and {loads:N0} timed loads per page; {Environment.ProcessorCount} cores");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await browser.SignInAsync(portal, user, password, ct);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            Console.Error.WriteLine($"Sign-in failed: {e.Message}");
            return 1;
        }

        Console.WriteLine($"Signed in through {portal.Host}'s identity in {watch.Elapsed.TotalSeconds:N2} s");
        var start = await browser.StartPageAsync(portal, ct);
        var region = start is null ? null : Code().Match(start.AbsolutePath) is { Success: true } m ? m.Value : null;
        if (region is null)
        {
            Console.Error.WriteLine($"The portal's start page sent {user} to {start?.ToString() ?? "nowhere"}: no region to start from.");
            return 1;
        }

        var (village, household, villageHouseholds) = await FindAsync(browser, portal, start!, ct);
        Console.WriteLine($"Officer's region {region}; village {village ?? "not found"}" +
            (villageHouseholds is { } count ? $" with {count:N0} households on its battle map" : "") + $"; household {household ?? "not found"}");

        var pages = new List<PageToTime>
        {
            new("overview", start!.AbsolutePath.StartsWith("/villages/", StringComparison.Ordinal) ? $"/overview/{region}" : start.AbsolutePath, "data-figure"),
        };
        if (village is not null)
        {
            pages.Add(new("battle map", $"/villages/{village}", "id=\"battle-map\""));
        }

        if (household is not null)
        {
            pages.Add(new("household file", $"/households/{household}?purpose=verification", "id=\"members\""));
        }

        pages.Add(new("my work", "/work", "id=\"cases\""));

        var results = new List<PageFigures>();
        foreach (var page in pages)
        {
            results.Add(await PageTimer.TimeAsync(browser, portal, page, warmUp, loads, ct));
        }

        Report.Print(results);
        var complete = village is not null && household is not null && results.All(r => !r.Missing && r.Failed == 0);
        return complete ? 0 : 1;
    }

    /// <summary>
    /// A village and a household to time. The village comes from the overview's children (a county's children
    /// are townships, so one more step: the first township's overview); the household from the village's battle
    /// map, which also says how many households the village has. Where those pages are missing, "My work" lists
    /// cases with their households and villages.
    /// </summary>
    private static async Task<(string? Village, string? Household, int? Households)> FindAsync(PortalBrowser browser, Uri portal, Uri start, CancellationToken ct)
    {
        string? village = start.AbsolutePath.StartsWith("/villages/", StringComparison.Ordinal) ? Code().Match(start.AbsolutePath).Value : null;
        var overview = start;
        for (var depth = 0; village is null && depth < 3; depth++)
        {
            var page = await browser.GetAsync(overview, ct);
            if (page.Status != HttpStatusCode.OK)
            {
                Console.WriteLine($"  {overview.AbsolutePath}: {(int)page.Status}{(page.Status == HttpStatusCode.NotFound ? " — this portal has no overview page yet" : "")}");
                break;
            }

            village = VillageLink().Match(page.Html) is { Success: true } v ? v.Groups["code"].Value : null;
            var child = ChildOverview().Matches(page.Html).Select(c => c.Groups["code"].Value).FirstOrDefault(c => !overview.AbsolutePath.EndsWith(c, StringComparison.Ordinal));
            if (village is null && child is null)
            {
                break;
            }

            overview = new Uri(portal, $"/overview/{child}");
        }

        string? household = null;
        int? households = null;
        if (village is not null)
        {
            var map = await browser.GetAsync(new Uri(portal, $"/villages/{village}"), ct);
            if (map.Status == HttpStatusCode.OK)
            {
                var rows = BattleMapRow().Matches(map.Html);
                households = rows.Count;
                household = rows.Select(r => r.Groups["id"].Value).FirstOrDefault();
            }
            else
            {
                Console.WriteLine($"  /villages/{village}: {(int)map.Status}{(map.Status == HttpStatusCode.NotFound ? " — this portal has no battle map page yet" : "")}");
            }
        }

        if (village is null || household is null)
        {
            var work = await browser.GetAsync(new Uri(portal, "/work"), ct);
            if (work.Status == HttpStatusCode.OK && WorkCase().Match(work.Html) is { Success: true } c)
            {
                household ??= c.Groups["id"].Value;
                village ??= c.Groups["village"].Value;
                Console.WriteLine($"  took the village and household from a case on /work");
            }
        }

        return (village, household, households);
    }

    [GeneratedRegex("[0-9]{12}")]
    private static partial Regex Code();

    [GeneratedRegex("""href="/villages/(?<code>[0-9]{12})""")]
    private static partial Regex VillageLink();

    [GeneratedRegex("""<tr data-region="[0-9]{12}"[^>]*>[\s\S]*?href="/overview/(?<code>[0-9]{12})""")]
    private static partial Regex ChildOverview();

    [GeneratedRegex("""<tr data-household="(?<id>[0-9a-f-]{36})""")]
    private static partial Regex BattleMapRow();

    [GeneratedRegex("""<tr data-case="[^"]+" data-household="(?<id>[0-9a-f-]{36})">[\s\S]*?<td>(?<village>[0-9]{12})</td>""")]
    private static partial Regex WorkCase();
}
