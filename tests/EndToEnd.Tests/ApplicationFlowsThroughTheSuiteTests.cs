using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Resources;
using Platform.Security;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Starts the AppHost as a user would (broker, registry, SQLite in a data folder), adds a second
/// resource that consumes the registry's events, and follows one application through.
/// </summary>
public sealed class ApplicationFlowsThroughTheSuiteTests : IAsyncLifetime
{
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(3);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"pa-e2e-{Guid.NewGuid():N}");
    private DistributedApplication? _app;

    /// <summary>Logs are kept per resource instance (e.g. "event-probe-abcd"), not per name.</summary>
    private string _probeId = "event-probe";

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([$"DataDir={_dataDirectory}"]);
        var broker = builder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == ResourceNames.Broker);
        builder.AddProject("event-probe", Path.Combine(builder.AppHostDirectory, "..", "tests", "EndToEnd.EventProbe", "EndToEnd.EventProbe.csproj"))
            .WithReference(builder.CreateResourceBuilder(broker))
            .WaitFor(builder.CreateResourceBuilder(broker));

        _app = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(Startup);
        await _app.StartAsync(startup.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.HouseholdRegistry, startup.Token);
        var probe = await _app.ResourceNotifications.WaitForResourceAsync("event-probe", e => e.Snapshot.State?.Text == KnownResourceStates.Running, startup.Token);
        _probeId = probe.ResourceId;

        // Events published before the probe has bound its queue would never reach it.
        await WaitForLogAsync(_probeId, "Bus started", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_grpc_application_is_observed_by_a_second_resource_through_the_broker()
    {
        var secrets = DevSecrets.LoadOrCreate(_dataDirectory);
        var token = new DevTokenIssuer(new JwtOptions { SigningKey = secrets.SigningKey }).Issue(PlatformRoles.VillageOfficer, "341522100201", "e2e-officer");
        using var channel = GrpcChannel.ForAddress(_app!.GetEndpoint(ResourceNames.HouseholdRegistry, "http"));
        var client = new HouseholdService.HouseholdServiceClient(channel);

        var reply = await client.CreateHouseholdApplicationAsync(Application(), new Metadata { { "authorization", $"Bearer {token}" } }, DateTime.UtcNow.AddSeconds(30));
        var householdId = reply.Household.HouseholdId;

        await WaitForLogAsync(_probeId, $"Observed HouseholdApplied {householdId}", TimeSpan.FromSeconds(60));
        Assert.Equal(HouseholdStatus.Applied, reply.Household.Status);
        Assert.Equal("341522********" + Application().Members[0].NationalId[14..], reply.Household.Members[0].NationalId);
    }

    /// <summary>Waits for a resource to log a line containing <paramref name="text"/>; fails with what it did log.</summary>
    private async Task WaitForLogAsync(string resource, string text, TimeSpan timeout)
    {
        var seen = new List<string>();
        using var watch = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var batch in _app!.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(resource).WithCancellation(watch.Token))
            {
                seen.AddRange(batch.Select(line => line.Content ?? ""));
                if (seen.Any(line => line.Contains(text, StringComparison.Ordinal)))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below with the lines the resource did write.
        }

        Assert.Fail($"{resource} did not log '{text}' within {timeout.TotalSeconds:0} s. It logged:\n{string.Join('\n', seen.TakeLast(40))}");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The broker may still be releasing files; the temp folder goes with the machine.
        }
    }

    private static CreateHouseholdApplicationRequest Application()
    {
        const string first17 = "34152219620314021";
        var request = new CreateHouseholdApplicationRequest { RegionCode = "341522100201", PrimaryCause = PovertyCause.Disability };
        request.Members.Add(new MemberInput
        {
            Name = "端到端户主",
            NationalId = first17 + NationalId.CheckCharacterFor(first17),
            Relationship = Relationship.Head,
            Sex = Sex.Male,
            BirthDate = new Date { Year = 1962, Month = 3, Day = 14 },
            Health = HealthStatus.Disability,
            DisabilityGrade = 2,
            LabourCapacity = LabourCapacity.Weak,
        });
        return request;
    }
}
