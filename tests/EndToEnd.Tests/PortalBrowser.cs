using System.Globalization;
using System.Text.RegularExpressions;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Newtonsoft.Json.Linq;
using Deque.AxeCore.Commons;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// What a test does with the browser as an officer would: sign in at the identity service's form, follow
/// links, read the figures the contract marks (data-figure, data-col), and what the test keeps of each
/// page: a screenshot as an artifact and an axe check.
/// </summary>
public sealed partial class PortalBrowser(ChromeDriver driver, Uri portal, string password, ITestOutputHelper output)
{
    /// <summary>axe impacts that fail a page; minor and moderate ones are printed, not failed.</summary>
    private static readonly string[] Failing = ["serious", "critical"];

    public ChromeDriver Driver => driver;

    public Uri Url => new(Driver.Url);

    /// <summary>Screenshots go where CI collects artifacts (TEST_ARTIFACTS), else beside the test build.</summary>
    public static string ScreenshotFolder => Path.Combine(
        Environment.GetEnvironmentVariable("TEST_ARTIFACTS") is { Length: > 0 } artifacts ? artifacts : Path.Combine(AppContext.BaseDirectory, "TestResults"),
        "portal-screenshots");

    /// <summary>
    /// Headless chromium from Debian's package, through Debian's chromedriver named by path, so Selenium Manager
    /// never runs (it would try to download a driver and a browser).
    /// </summary>
    public static ChromeDriver StartChromium()
    {
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--window-size=1280,1000", "--disable-dev-shm-usage", "--lang=zh-CN");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var browser = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        // Pages are timed on the 40,000-household county elsewhere; here a busy 2-core machine gets room.
        browser.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(90);
        browser.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        return browser;
    }

    public void Open(string path) => Driver.Navigate().GoToUrl(new Uri(portal, path));

    /// <summary>
    /// From a clean browser (no portal cookie: the identity service keeps no session of its own) to the
    /// officer's start page, through the identity service's form.
    /// </summary>
    public void SignIn(string userName, string? checkFormAs = null)
    {
        Driver.ExecuteCdpCommand("Network.clearBrowserCookies", []);
        Open("/");
        WaitFor(By.Id("username"), "the identity service's sign-in form");
        if (checkFormAs is not null)
        {
            KeepAndCheck(checkFormAs);
        }

        SubmitPassword(userName);
        Wait(() => Url.Authority == portal.Authority && Url.AbsolutePath != "/", $"the portal after {userName} signed in");
    }

    /// <summary>The identity service's form: it asks for the password at every authorization, a step up too.</summary>
    public void SubmitPassword(string userName)
    {
        var name = WaitFor(By.Id("username"), "the identity service's sign-in form");
        name.Clear();
        name.SendKeys(userName);
        Driver.FindElement(By.Id("password")).SendKeys(password);
        Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
    }

    /// <summary>The header's sign-out button, through the identity service's end-session endpoint, to /signed-out.</summary>
    public void SignOut()
    {
        Driver.FindElement(By.CssSelector("header form.signout button[type=submit]")).Click();
        Wait(() => Url.Authority == portal.Authority && Url.AbsolutePath == "/signed-out", "the signed-out page");
    }

    public IWebElement WaitFor(By by, string what) =>
        new WebDriverWait(Driver, TimeSpan.FromSeconds(60)).Until(d => d.FindElements(by).FirstOrDefault(), CancellationToken.None)
        ?? throw new InvalidOperationException($"No {what}.");

    public void Wait(Func<bool> condition, string what)
    {
        try
        {
            new WebDriverWait(Driver, TimeSpan.FromSeconds(60)).Until(_ => condition());
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"Waited 60 s for {what}; the browser is at {Driver.Url}: {Excerpt()}");
        }
    }

    /// <summary>The page's own text, for a failure message.</summary>
    public string Excerpt()
    {
        var text = Driver.FindElements(By.TagName("body")).FirstOrDefault()?.Text ?? Driver.PageSource;
        return text.Length > 600 ? text[..600] + "…" : text;
    }

    /// <summary>A full-page PNG (through the DevTools protocol: chromedriver's own screenshot is the viewport only).</summary>
    public void Keep(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, name + ".png");
        var metrics = (Dictionary<string, object>)Driver.ExecuteCdpCommand("Page.getLayoutMetrics", [])!;
        var size = (Dictionary<string, object>)metrics["cssContentSize"];
        var shot = (Dictionary<string, object>)Driver.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?>
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new Dictionary<string, object> { ["x"] = 0, ["y"] = 0, ["width"] = size["width"], ["height"] = size["height"], ["scale"] = 1 },
        })!;
        File.WriteAllBytes(file, Convert.FromBase64String((string)shot["data"]));
        output.WriteLine($"Screenshot of {Url.GetLeftPart(UriPartial.Path)}: {file}");
    }

    /// <summary>The screenshot, then axe on the page as it is: no serious or critical violation; every violation is printed.</summary>
    public void KeepAndCheck(string name)
    {
        Keep(name);
        var result = Axe();
        // axe ran its rules on this page (a page it could not read would pass nothing and fail nothing).
        Assert.NotEmpty(result.Passes);
        var all = string.Join("\n", result.Violations.Select(v =>
            $"  [{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl})\n" + string.Join("\n", v.Nodes.Take(5).Select(n => $"      {n.Html}"))));
        if (all.Length > 0)
        {
            output.WriteLine($"axe on {name} ({Driver.Url}):\n{all}");
        }

        Assert.False(result.Violations.Any(v => Failing.Contains(v.Impact)),
            $"axe found serious or critical violations on {name} ({Driver.Url}):\n{all}");
    }

    /// <summary>
    /// axe-core (the copy Deque.AxeCore.Commons bundles) run in the page as it is, with its default rules (WCAG 2.x A
    /// and AA and best practices). The page's CSP forbids script, but WebDriver's scripts are the browser's own.
    /// </summary>
    public AxeResult Axe()
    {
        Driver.ExecuteScript(AxeScript.Value);
        var answer = Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document).then(r => done(JSON.stringify(r)), e => done(JSON.stringify({ error: String(e) })));
            """) as string ?? throw new InvalidOperationException($"axe answered nothing on {Driver.Url}.");
        var parsed = JObject.Parse(answer);
        return parsed.Value<string>("error") is { Length: > 0 } error
            ? throw new InvalidOperationException($"axe failed on {Driver.Url}: {error}")
            : new AxeResult(parsed);
    }

    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>The page's figures, by data-figure name: the dd's text.</summary>
    public Dictionary<string, string> Figures() => Driver.FindElements(By.CssSelector("[data-figure]"))
        .ToDictionary(e => e.GetAttribute("data-figure")!, e => e.FindElements(By.TagName("dd")).FirstOrDefault()?.Text.Trim() ?? e.Text.Trim());

    /// <summary>Rows marked with <paramref name="key"/> (data-region, data-household) and their data-col cells' text.</summary>
    public Dictionary<string, Dictionary<string, string>> Rows(string table, string key) => Driver.FindElements(By.CssSelector($"table#{table} tr[{key}]"))
        .ToDictionary(
            row => row.GetAttribute(key)!,
            row => row.FindElements(By.CssSelector("[data-col]")).GroupBy(c => c.GetAttribute("data-col")!).ToDictionary(g => g.Key, g => g.First().Text.Trim()));

    /// <summary>A count as the portal writes it ("12,345", maybe with a unit beside it); null for "—" or nothing.</summary>
    public static long? Count(string? text) =>
        text is not null && Number().Match(text) is { Success: true } m ? long.Parse(m.Value.Replace(",", ""), CultureInfo.InvariantCulture) : null;

    /// <summary>A share as the portal writes it: "3.15%", or "—" when the service gives none.</summary>
    public static string Percent(double? share) => share is null ? "—" : (share.Value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    [GeneratedRegex(@"-?\d[\d,]*")]
    private static partial Regex Number();
}
