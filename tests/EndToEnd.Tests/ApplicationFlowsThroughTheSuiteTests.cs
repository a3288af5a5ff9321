using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Resources;
using Platform.Security;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Starts the AppHost as a user would (broker, the four services, SQLite in a data folder), adds
/// a probe resource that logs the events it sees on the broker, and follows households through the
/// registry and the services that act on their events.
/// </summary>
public sealed partial class ApplicationFlowsThroughTheSuiteTests : IAsyncLifetime
{
    /// <summary>A small demo county: the command's behaviour, not its volume, is under test here.</summary>
    private const int DemoHouseholds = 300;

    private Suite _suite = null!;

    public async Task InitializeAsync() => _suite = await Suite.StartAsync($"Demo:Households={DemoHouseholds}");

    [Fact]
    public Task A_household_goes_from_application_to_registration_to_exit_with_its_events_observed() =>
        SuiteFlows.ApplicationToRegistrationToExitAsync(_suite);

    [Fact]
    public async Task The_dashboard_command_seeds_the_demo_county_and_reports_progress_in_the_registry_log()
    {
        var commands = _suite.App.Services.GetRequiredService<ResourceCommandService>();
        var registry = _suite.InstanceIds(ResourceNames.HouseholdRegistry)[0];

        var result = await commands.ExecuteCommandAsync(registry, "seed-demo-county");

        Assert.True(result.Success, result.Message);
        await _suite.WaitForLogAsync(registry, $"Demo county: done {DemoHouseholds}/{DemoHouseholds}", TimeSpan.FromSeconds(30));
        using var channel = _suite.Channel(ResourceNames.HouseholdRegistry);
        var listed = await new HouseholdService.HouseholdServiceClient(channel).ListHouseholdsAsync(
            new ListHouseholdsRequest { RegionCode = "341599000000", Page = new PageRequest { PageSize = 1 } }, _suite.Officer(PlatformRoles.CountyOfficer, "341599000000"));
        Assert.Equal(DemoHouseholds, listed.Page.TotalSize);
    }

    public async Task DisposeAsync() => await _suite.DisposeAsync();
}
