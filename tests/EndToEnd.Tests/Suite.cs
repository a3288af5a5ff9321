using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pa.Registry.V1;
using Platform.AppHost;
using Platform.Resources;
using Platform.Security;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The AppHost started as a user would (broker, the four services, their databases in a fresh data
/// folder), with a probe resource that logs the events it sees on the broker; and what every
/// end-to-end flow does with it: officers' tokens, the registration cycle, waiting for logs.
/// </summary>
public sealed class Suite : IAsyncDisposable
{
    public const string Probe = "event-probe";

    public static readonly string[] Services = [ResourceNames.HouseholdRegistry, ResourceNames.Assistance, ResourceNames.Employment, ResourceNames.Relocation];

    /// <summary>Several replicas of four services migrating one server's databases take a while on a shared two-core machine.</summary>
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(6);

    private readonly Dictionary<string, IReadOnlyList<string>> _instances = [];

    /// <summary>The latest snapshot of every resource instance, kept to explain a failed start-up.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ResourceEvent> _seen = new();

    private readonly CancellationTokenSource _stopping = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Role, string Region, bool PersonalData), string> _tokens = new();

    private Suite(DistributedApplication app, string dataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
    }

    public DistributedApplication App { get; }

    public string DataDirectory { get; }

    /// <summary>Logs are kept per resource instance (e.g. "event-probe-abcd"), not per name.</summary>
    public string ProbeId => InstanceIds(Probe)[0];

    /// <summary>
    /// Starts the AppHost with <paramref name="arguments"/> (configuration such as "Replicas=2") and
    /// waits until every replica of every service is healthy and listening on the broker.
    /// </summary>
    public static async Task<Suite> StartAsync(params string[] arguments)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"pa-e2e-{Guid.NewGuid():N}");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([$"DataDir={dataDirectory}", .. arguments]);
        // Resources' logs reach the tests through ResourceLoggerService; copying every line to the
        // test's console as well costs a busy machine more than the services' work.
        builder.Services.AddLogging(logging => logging.AddFilter($"{typeof(ReplicaDirectory).Assembly.GetName().Name}.Resources", LogLevel.Warning));
        var broker = builder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == ResourceNames.Broker);
        // Notices close on the day they go up, so the whole cycle runs in one test.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.HouseholdRegistry))
            .WithEnvironment("Registry__Policy__Years__2000__NoticeDays", "0");
        builder.AddProject<EventProbeProject>(Probe)
            .WithReference(builder.CreateResourceBuilder(broker))
            .WaitFor(builder.CreateResourceBuilder(broker));

        var suite = new Suite(await builder.BuildAsync(), dataDirectory);
        try
        {
            await suite.StartServicesAsync();
            return suite;
        }
        catch (Exception ex)
        {
            // What each instance was doing is the only clue to a start-up that ran out of time.
            var report = await suite.DescribeInstancesAsync();
            await suite.DisposeAsync();
            throw new InvalidOperationException($"The suite did not start: {ex.Message}\n{report}", ex);
        }
    }

    /// <summary>The ids of a resource's instances, one per replica (e.g. "household-registry-abcd"), in a stable order.</summary>
    public IReadOnlyList<string> InstanceIds(string resource) => _instances[resource];

    /// <summary>The latest snapshot of one instance.</summary>
    public ResourceEvent Instance(string instanceId) =>
        App.ResourceNotifications.TryGetCurrentState(instanceId, out var instance)
            ? instance
            : throw new InvalidOperationException($"No resource instance {instanceId}.");

    /// <summary>The address a replica listens on itself, not through the proxy.</summary>
    public Uri AddressOf(string instanceId) =>
        ReplicaDirectory.AddressOf(Instance(instanceId)) ?? throw new InvalidOperationException($"{instanceId} has no address.");

    /// <summary>Through Aspire's proxy: with replicas, each new connection may reach another one.</summary>
    public GrpcChannel Channel(string resource) => GrpcChannel.ForAddress(App.GetEndpoint(resource, "http"));

    /// <summary>
    /// An officer's call options, reused across a long flow: the deadline is generous, and the services cap it at 30 s per call.
    /// The token comes from the identity service, as any officer's does: the officer of this role and region is
    /// registered there once (by the development operator, over the identity service's gRPC contract).
    /// </summary>
    public CallOptions Officer(string role, string region, bool personalData = false)
    {
        var token = _tokens.GetOrAdd((role, region, personalData), key => OfficerTokenAsync(key.Role, key.Region, key.PersonalData).GetAwaiter().GetResult());
        return new CallOptions(new Metadata { { "authorization", $"Bearer {token}" }, { "x-access-purpose", "end-to-end test" } }, DateTime.UtcNow.AddMinutes(5));
    }

    /// <summary>The identity service's OpenID Connect address, as the services are given it.</summary>
    public string Authority => App.GetEndpoint(ResourceNames.Identity, IdentityResource.OidcEndpoint).ToString();

    /// <summary>The development password of the run's data folder (officers and clients seeded by the AppHost).</summary>
    public string DevelopmentPassword => DevSecrets.LoadOrCreate(DataDirectory).DevelopmentPassword;

    private async Task<string> OfficerTokenAsync(string role, string region, bool personalData)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var userName = $"e2e-{role}-{region}";
        var operatorToken = await TokenRequest.ForOfficerAsync(http, Authority, "operator", DevelopmentPassword);
        using var channel = Channel(ResourceNames.Identity);
        try
        {
            await new Pa.Identity.V1.IdentityService.IdentityServiceClient(channel).RegisterOfficerAsync(
                new Pa.Identity.V1.RegisterOfficerRequest
                {
                    UserName = userName, DisplayName = userName, Role = role, RegionCode = region,
                    Scopes = { PlatformClaims.PersonalDataScope }, Password = DevelopmentPassword,
                },
                new Metadata { { "authorization", $"Bearer {operatorToken}" }, { "x-access-purpose", "end-to-end test" } },
                DateTime.UtcNow.AddSeconds(60));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
        }

        return await TokenRequest.ForOfficerAsync(http, Authority, userName, DevelopmentPassword, personalData ? [PlatformClaims.PersonalDataScope] : null);
    }

    /// <summary>
    /// 户申请 → 组评议 → 村审查 → 公示 → 乡审核 → 县审定 → 公告 (notices last zero days in this run), with the
    /// application and the registration observed through the broker by the probe resource.
    /// </summary>
    public async Task<Household> RegisterAsync(CreateHouseholdApplicationRequest application)
    {
        using var channel = Channel(ResourceNames.HouseholdRegistry);
        var cases = new IdentificationService.IdentificationServiceClient(channel);
        var village = Officer(PlatformRoles.VillageOfficer, application.RegionCode);
        var county = Officer(PlatformRoles.CountyOfficer, application.RegionCode[..6] + "000000");
        var applied = (await new HouseholdService.HouseholdServiceClient(channel).CreateHouseholdApplicationAsync(application, village)).Household;
        await WaitForLogAsync(ProbeId, $"Observed HouseholdApplied {applied.HouseholdId}", TimeSpan.FromSeconds(60));

        var history = await cases.GetCaseHistoryAsync(new GetCaseHistoryRequest { HouseholdId = applied.HouseholdId }, county);
        var caseId = history.Cases.Single().CaseId;
        await cases.AppraiseInGroupAsync(new AppraiseInGroupRequest
        {
            CaseId = caseId, Decision = StepDecision.Approve, Votes = new AppraisalVotes { InFavour = 18, Against = 1 }, Minutes = "组评议记录",
        }, village);
        var identification = (await cases.ReviewInVillageAsync(new ReviewInVillageRequest { CaseId = caseId, Minutes = "村民代表大会" }, village)).Case;
        identification = await CloseNoticeAsync(cases, identification, village);
        await cases.CheckInTownshipAsync(new CheckInTownshipRequest { CaseId = caseId }, Officer(PlatformRoles.TownshipOfficer, application.RegionCode[..9] + "000"));
        identification = (await cases.ApproveInCountyAsync(new ApproveInCountyRequest { CaseId = caseId }, county)).Case;
        identification = await CloseNoticeAsync(cases, identification, village);
        Assert.Equal(CaseOutcome.Registered, identification.Outcome);
        await WaitForLogAsync(ProbeId, $"Observed HouseholdRegistered {applied.HouseholdId}", TimeSpan.FromSeconds(60));
        return applied;
    }

    public static async Task<Case> CloseNoticeAsync(IdentificationService.IdentificationServiceClient cases, Case @case, CallOptions village)
    {
        var notice = @case.Notices.Single(n => n.Status == NoticeStatus.Open);
        return (await cases.CloseNoticeAsync(new CloseNoticeRequest { NoticeId = notice.NoticeId }, village)).Case;
    }

    /// <summary>Polls <paramref name="condition"/>; on timeout fails with <paramref name="describe"/>'s account of what held instead.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string>? describe = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"The condition did not hold within {timeout.TotalSeconds:0} s. {describe?.Invoke()}");
            await Task.Delay(500);
        }
    }

    /// <summary>Waits for a resource instance to log a line containing <paramref name="text"/>; fails with what it did log.</summary>
    public async Task WaitForLogAsync(string instanceId, string text, TimeSpan timeout)
    {
        var seen = await ReadLogAsync(instanceId, timeout, line => line.Contains(text, StringComparison.Ordinal));
        if (!seen.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            Assert.Fail($"{instanceId} did not log '{text}' within {timeout.TotalSeconds:0} s. It logged:\n{string.Join('\n', seen.TakeLast(40))}");
        }
    }

    /// <summary>An instance's log lines (the backlog, then new ones) until one matches <paramref name="until"/> or <paramref name="timeout"/> passes.</summary>
    private async Task<List<string>> ReadLogAsync(string instanceId, TimeSpan timeout, Func<string, bool>? until = null)
    {
        var seen = new List<string>();
        using var watch = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var batch in App.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(instanceId).WithCancellation(watch.Token))
            {
                seen.AddRange(batch.Select(line => line.Content ?? ""));
                if (until is not null && seen.Any(until))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The time is up: the caller judges what was logged.
        }

        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The broker or the database server may still be releasing files; the temp folder goes with the machine.
        }
    }

    private async Task StartServicesAsync()
    {
        var deadline = DateTime.UtcNow + Startup;
        using var startup = new CancellationTokenSource(Startup);
        _ = Task.Run(async () =>
        {
            await foreach (var update in App.ResourceNotifications.WatchAsync(_stopping.Token))
            {
                _seen[update.ResourceId] = update;
            }
        }, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        await App.StartAsync(startup.Token);
        foreach (var service in Services)
        {
            _instances[service] = await HealthyInstancesAsync(service, startup.Token);
        }

        var probe = await App.ResourceNotifications.WaitForResourceAsync(Probe, e => e.Snapshot.State?.Text == KnownResourceStates.Running, startup.Token);
        _instances[Probe] = [probe.ResourceId];

        // Events published before a consumer has bound its queue on this fresh broker would never reach it.
        // The probe is built as it starts, so on a busy machine it may take most of the start-up time.
        foreach (var instance in _instances.Values.SelectMany(ids => ids))
        {
            await WaitForLogAsync(instance, "Bus started", Max(TimeSpan.FromSeconds(60), deadline - DateTime.UtcNow));
        }
    }

    /// <summary>Every instance's state, health reports and, for those not healthy, its last log lines.</summary>
    private async Task<string> DescribeInstancesAsync()
    {
        var report = new System.Text.StringBuilder();
        foreach (var (id, current) in _seen.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var snapshot = current.Snapshot;
            var health = string.Join(", ", snapshot.HealthReports.Select(h => $"{h.Name}={h.Status?.ToString() ?? "pending"}{(h.Description is null ? "" : $" ({h.Description})")}"));
            report.AppendLine($"{id}: {snapshot.State?.Text}, health {snapshot.HealthStatus?.ToString() ?? "unknown"} [{health}]");
            if (snapshot.HealthStatus != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            {
                foreach (var line in (await ReadLogAsync(id, TimeSpan.FromSeconds(2))).TakeLast(30))
                {
                    report.AppendLine($"    {line}");
                }
            }
        }

        return report.ToString();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Waits until every replica of <paramref name="resource"/> runs and is healthy; answers their ids.</summary>
    private async Task<IReadOnlyList<string>> HealthyInstancesAsync(string resource, CancellationToken cancellationToken)
    {
        var model = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource);
        var replicas = model.GetReplicaCount();
        var latest = new Dictionary<string, ResourceEvent>();
        await foreach (var update in App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (update.Resource != model)
            {
                continue;
            }

            latest[update.ResourceId] = update;
            if (KnownResourceStates.TerminalStates.Contains(update.Snapshot.State?.Text))
            {
                // Nothing restarts it here: waiting out the start-up limit would only hide why.
                throw new InvalidOperationException($"{update.ResourceId} stopped while starting ({update.Snapshot.State?.Text}, exit code {update.Snapshot.ExitCode}).");
            }

            if (latest.Count == replicas && latest.Values.All(e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy))
            {
                return [.. latest.Keys.Order(StringComparer.Ordinal)];
            }
        }

        throw new OperationCanceledException($"{resource} did not become healthy.");
    }

    /// <summary>
    /// The probe, run from the build the tests' own build made (its project is referenced for that):
    /// "dotnet run" building it again at every start takes minutes on a busy machine.
    /// </summary>
    private sealed class EventProbeProject : IProjectMetadata
    {
        public string ProjectPath { get; } = Path.Combine(RepositoryRoot(), "tests", "EndToEnd.EventProbe", "EndToEnd.EventProbe.csproj");

        public bool SuppressBuild => true;

        private static string RepositoryRoot()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Platform.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
        }
    }
}
