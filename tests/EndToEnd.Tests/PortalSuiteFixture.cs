using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Grpc.Core;
using OpenQA.Selenium.Chrome;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Resources;
using Platform.Security;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// What the portal's browser tests share, made once for the class (starting the suite takes minutes):
/// the suite with its portal, a small demo county, a village officer without the personal-data scope,
/// and one headless Debian Chromium driven through Debian's chromedriver.
/// </summary>
public sealed class PortalSuiteFixture : IAsyncLifetime
{
    public const string DemoCounty = "341599000000";

    /// <summary>A small county (two households a village): the pages' behaviour is under test here, not their speed on 40,000 households.</summary>
    public const int DemoHouseholds = 600;

    /// <summary>Registered by the fixture; a village officer never holds personal-data here.</summary>
    public const string VillageOfficerName = "e2e-portal-village-officer";

    public Suite Suite { get; private set; } = null!;

    /// <summary>The portal's address as the browser reaches it (the identity service sends the browser back here).</summary>
    public Uri Portal { get; private set; } = null!;

    public ChromeDriver Browser { get; private set; } = null!;

    /// <summary>The demo village with the most registered households: the village officer's.</summary>
    public string Village { get; private set; } = "";

    /// <summary>A registered household of another demo village, which the village officer must not open.</summary>
    public string OtherVillageHousehold { get; private set; } = "";

    public string Password => Suite.DevelopmentPassword;

    /// <summary>A county officer's call options for the services' own answers (registered by the suite, with personal-data).</summary>
    public CallOptions County(bool personalData = false) => Suite.Officer(PlatformRoles.CountyOfficer, DemoCounty, personalData);

    public async Task InitializeAsync()
    {
        Suite = await Suite.StartAsync();
        try
        {
            // The suite waits for the four services; the portal starts beside them and must answer too.
            await Suite.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Portal).WaitAsync(TimeSpan.FromMinutes(4));
            Portal = Suite.App.GetEndpoint(ResourceNames.Portal, "http");
            await SeedDemoCountyAsync();
            await ChooseVillagesAsync();
            await RegisterVillageOfficerAsync();
            Browser = PortalBrowser.StartChromium();
        }
        catch
        {
            await Suite.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        // Quit ends chromium and its chromedriver; a browser left behind would outlive the test run.
        Browser?.Quit();
        Browser?.Dispose();
        await Suite.DisposeAsync();
    }

    /// <summary>The registry's demo service, called as the AppHost's dashboard command calls it: as the operator.</summary>
    private async Task SeedDemoCountyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var token = await TokenRequest.ForOfficerAsync(http, Suite.Authority, "operator", Password);
        using var channel = Suite.Channel(ResourceNames.HouseholdRegistry);
        using var call = new DemoService.DemoServiceClient(channel).SeedDemoCounty(
            new SeedDemoCountyRequest { Households = DemoHouseholds },
            new Metadata { { "authorization", $"Bearer {token}" }, { "x-access-purpose", "end-to-end test" } },
            DateTime.UtcNow.AddMinutes(10));
        var last = new SeedDemoCountyResponse();
        await foreach (var progress in call.ResponseStream.ReadAllAsync())
        {
            last = progress;
        }

        Assert.True(last.Phase == "done", $"The demo county was not seeded: the last report was {last}.");
    }

    /// <summary>
    /// The village officer's village is the demo village with the most registered households (a battle map
    /// with rows to compare); the household they must not open is a registered one of any other village.
    /// </summary>
    private async Task ChooseVillagesAsync()
    {
        using var channel = Suite.Channel(ResourceNames.HouseholdRegistry);
        var households = new HouseholdService.HouseholdServiceClient(channel);
        var registered = new List<Household>();
        var page = new PageRequest { PageSize = 500 };
        do
        {
            var listed = await households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = DemoCounty, Status = HouseholdStatus.Registered, Page = page }, County());
            registered.AddRange(listed.Households);
            page = new PageRequest { PageSize = 500, PageToken = listed.Page.NextPageToken };
        }
        while (page.PageToken.Length > 0);

        Village = registered.GroupBy(h => h.RegionCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        OtherVillageHousehold = registered.First(h => h.RegionCode != Village).HouseholdId;
    }

    /// <summary>
    /// A village officer without personal-data, registered over the identity service's gRPC contract as the
    /// suite registers its officers (whose helper always grants personal-data, so it cannot be reused here).
    /// </summary>
    private async Task RegisterVillageOfficerAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var operatorToken = await TokenRequest.ForOfficerAsync(http, Suite.Authority, "operator", Password);
        using var channel = Suite.Channel(ResourceNames.Identity);
        await new Pa.Identity.V1.IdentityService.IdentityServiceClient(channel).RegisterOfficerAsync(
            new Pa.Identity.V1.RegisterOfficerRequest
            {
                UserName = VillageOfficerName, DisplayName = "端到端村干部", Role = PlatformRoles.VillageOfficer, RegionCode = Village, Password = Password,
            },
            new Metadata { { "authorization", $"Bearer {operatorToken}" }, { "x-access-purpose", "end-to-end test" } },
            DateTime.UtcNow.AddSeconds(60));
    }
}
