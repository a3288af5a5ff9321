using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Checks = Microsoft.Extensions.Diagnostics.HealthChecks;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.AppHost;
using Platform.Resources;
using Platform.Security;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests;

/// <summary>The suite started once for the healing tests; each test leaves every resource healthy again.</summary>
public sealed class HealingSuite : IAsyncLifetime
{
    private Suite? _suite;

    public Suite Suite => _suite ?? throw new InvalidOperationException("The suite did not start.");

    public async Task InitializeAsync() => _suite = await Suite.StartAsync();

    public async Task DisposeAsync()
    {
        if (_suite is not null)
        {
            await _suite.DisposeAsync();
        }
    }
}

/// <summary>
/// The broker and the services come back by themselves after a crash (a kill -9), with the broker's
/// health on the dashboard and the services' public ports working; an operator's stop is left alone;
/// the dashboard's re-drive command reaches the service.
/// </summary>
public sealed class SelfHealingTests(HealingSuite fixture, ITestOutputHelper output) : IClassFixture<HealingSuite>
{
    private static readonly TimeSpan Comeback = TimeSpan.FromMinutes(3);

    private Suite Suite => fixture.Suite;

    [Fact]
    public async Task A_killed_broker_is_started_again_and_shows_healthy_and_the_registry_publishes_through_it_again()
    {
        var killed = await KillAsync(ResourceNames.Broker);

        var back = await BackAsync(ResourceNames.Broker, killed);

        Assert.Contains(back.Snapshot.HealthReports, h => h.Name == $"{ResourceNames.Broker}-amqp" && h.Status == Checks.HealthStatus.Healthy);
        using var channel = Suite.Channel(ResourceNames.HouseholdRegistry);
        var applied = await new HouseholdService.HouseholdServiceClient(channel)
            .CreateHouseholdApplicationAsync(Application(), Suite.Officer(PlatformRoles.VillageOfficer, SuiteFlows.Village));
        await Suite.WaitForLogAsync(Suite.ProbeId, $"Observed HouseholdApplied {applied.Household.HouseholdId}", TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task A_killed_service_is_started_again_and_answers_on_its_public_port()
    {
        var killed = await KillAsync(ResourceNames.HouseholdRegistry);

        await BackAsync(ResourceNames.HouseholdRegistry, killed);

        using var channel = Suite.Channel(ResourceNames.HouseholdRegistry);
        var listed = await new HouseholdService.HouseholdServiceClient(channel).ListHouseholdsAsync(
            new ListHouseholdsRequest { RegionCode = SuiteFlows.Village, Page = new PageRequest { PageSize = 1 } },
            Suite.Officer(PlatformRoles.VillageOfficer, SuiteFlows.Village));
        Assert.NotNull(listed.Page);
    }

    [Fact]
    public async Task A_service_an_operator_stops_stays_stopped_until_the_operator_starts_it()
    {
        var commands = Suite.App.Services.GetRequiredService<ResourceCommandService>();
        var id = Suite.InstanceIds(ResourceNames.Employment)[0];
        var states = new List<string?>();
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var watch = Task.Run(async () =>
        {
            await foreach (var e in Suite.App.ResourceNotifications.WatchAsync(watching.Token).ConfigureAwait(false))
            {
                if (e.ResourceId == id && (states.Count == 0 || states[^1] != e.Snapshot.State?.Text))
                {
                    states.Add(e.Snapshot.State?.Text);
                }
            }
        });

        Assert.True((await commands.ExecuteCommandAsync(id, KnownResourceCommands.StopCommand)).Success);
        // Longer than the healer's first delay (none) and second (2 s) together.
        await Task.Delay(TimeSpan.FromSeconds(15));
        var stillStopped = Suite.Instance(id).Snapshot.State?.Text;
        Assert.True((await commands.ExecuteCommandAsync(id, KnownResourceCommands.StartCommand)).Success);
        await Suite.App.ResourceNotifications.WaitForResourceAsync(ResourceNames.Employment,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Checks.HealthStatus.Healthy).WaitAsync(Comeback);
        await watching.CancelAsync();
        await watch.ContinueWith(_ => { }, TaskScheduler.Default);

        output.WriteLine($"States of {id}: {string.Join(" → ", states)}");
        Assert.DoesNotContain(stillStopped, new[] { KnownResourceStates.Running, KnownResourceStates.Starting });
    }

    [Fact]
    public async Task The_dashboard_re_drive_command_reaches_the_service_and_reports_its_error_queues()
    {
        var result = await Suite.App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(Suite.InstanceIds(ResourceNames.Assistance)[0], ErrorQueueCommands.Redrive);

        Assert.True(result.Success, result.Message);
        Assert.Equal("The error queues are empty.", result.Message);
    }

    /// <summary>Kills the instance's process tree as kill -9 would; answers the killed process id.</summary>
    private async Task<int> KillAsync(string resource)
    {
        var running = await Suite.App.ResourceNotifications.WaitForResourceAsync(resource, e => e.Snapshot.State?.Text == KnownResourceStates.Running)
            .WaitAsync(TimeSpan.FromMinutes(1));
        var pid = ProcessId(running);
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: true);
        output.WriteLine($"Killed {resource} (process {pid}) at {DateTime.UtcNow:HH:mm:ss.fff}");
        return pid;
    }

    /// <summary>Waits until the resource runs again in a new process and is healthy, without anyone starting it.</summary>
    private async Task<ResourceEvent> BackAsync(string resource, int killedPid)
    {
        var clock = Stopwatch.StartNew();
        var back = await Suite.App.ResourceNotifications.WaitForResourceAsync(resource, e =>
                e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Checks.HealthStatus.Healthy
                && TryProcessId(e) is { } pid && pid != killedPid)
            .WaitAsync(Comeback);
        output.WriteLine($"{resource} back and healthy after {clock.Elapsed.TotalSeconds:0.0} s");
        return back;
    }

    private static int ProcessId(ResourceEvent instance) => TryProcessId(instance) ?? throw new InvalidOperationException($"{instance.ResourceId} has no process id.");

    private static int? TryProcessId(ResourceEvent instance) =>
        instance.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : null;

    private static CreateHouseholdApplicationRequest Application()
    {
        const string first17 = "34152219700111021";
        var request = new CreateHouseholdApplicationRequest { RegionCode = SuiteFlows.Village, PrimaryCause = PovertyCause.Illness };
        request.Members.Add(new MemberInput
        {
            Name = "自愈户主",
            NationalId = first17 + NationalId.CheckCharacterFor(first17),
            Relationship = Relationship.Head,
            Sex = Sex.Male,
            BirthDate = new Date { Year = 1970, Month = 1, Day = 11 },
            Health = HealthStatus.Healthy,
            LabourCapacity = LabourCapacity.Normal,
        });
        return request;
    }
}
