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
        await _app.ResourceNotifications.WaitForResourceAsync("event-probe", KnownResourceStates.Running, startup.Token);
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

        using var watch = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var logs = _app.Services.GetRequiredService<ResourceLoggerService>();
        var observed = false;
        await foreach (var batch in logs.WatchAsync("event-probe").WithCancellation(watch.Token))
        {
            if (batch.Any(line => line.Content.Contains($"Observed HouseholdApplied {householdId}", StringComparison.Ordinal)))
            {
                observed = true;
                break;
            }
        }

        Assert.True(observed, $"event-probe never logged HouseholdApplied {householdId}");
        Assert.Equal(HouseholdStatus.Applied, reply.Household.Status);
        Assert.Equal("341522********" + Application().Members[0].NationalId[14..], reply.Household.Members[0].NationalId);
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
