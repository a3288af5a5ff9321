using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Platform.Benchmarks.Registry;
using Platform.LocalServers;
using Platform.Security;
using Platform.Testing;

namespace Platform.Benchmarks.FirstCall;

/// <summary>
/// The registry as its own process, started the way the AppHost starts it (the service's build
/// output, h2c on a loopback port, SQLite, a real broker): nothing of it is compiled or cached in
/// this process, so its first calls are as cold as a fresh deployment's.
/// </summary>
public sealed class RegistryProcess : IAsyncDisposable
{
    private readonly ServerProcess _server = new("household-registry");
    private readonly ServedAuthority _authority;

    private RegistryProcess(GrpcChannel channel, ServedAuthority authority)
    {
        Channel = channel;
        _authority = authority;
    }

    public GrpcChannel Channel { get; }

    /// <summary>From process start until its gRPC health check first answered SERVING.</summary>
    public TimeSpan StartedIn { get; private set; }

    public static async Task<RegistryProcess> StartAsync(RegistryDatabase database, string broker, string dataDirectory, bool warmup)
    {
        var port = Loopback.FreePort();
        // The service is another process: it reads the issuer's keys over HTTP, as from the identity service.
        var registry = new RegistryProcess(GrpcChannel.ForAddress($"http://127.0.0.1:{port}"), await new TestAuthority().ServeAsync());
        var start = new ProcessStartInfo("dotnet", [ServiceAssembly()]) { WorkingDirectory = Path.GetDirectoryName(ServiceAssembly())! };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Kestrel__EndpointDefaults__Protocols"] = "Http2",
            ["PersonalData__EncryptionKey"] = database.Keys.EncryptionKey,
            ["PersonalData__LookupKey"] = database.Keys.LookupKey,
            ["DataDir"] = dataDirectory,
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__registry-db"] = $"Data Source={database.Path}",
            ["ConnectionStrings__broker"] = broker,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Registry__Warmup"] = warmup ? "true" : "false",
        };
        foreach (var (key, value) in environment.Concat(registry._authority.Environment))
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        await registry._server.StartAsync(start, registry.ServingAsync, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(20));
        registry.StartedIn = clock.Elapsed;
        return registry;
    }

    public Metadata CountyOfficer() => Officer(PlatformRoles.CountyOfficer, HouseholdGenerator.County);

    public Metadata VillageOfficer(string village) => Officer(PlatformRoles.VillageOfficer, village);

    private Metadata Officer(string role, string region) => new()
    {
        { "authorization", $"Bearer {_authority.Issue(role, region, "benchmark", personalData: true)}" },
        { "x-access-purpose", "first-call benchmark" },
    };

    private async Task<bool> ServingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var reply = await new Health.HealthClient(Channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (RpcException)
        {
            return false;
        }
    }

    /// <summary>The registry's own build output of the same configuration, built with this benchmark (it references the project).</summary>
    private static string ServiceAssembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<configuration>/net10.0
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "services", "HouseholdRegistry", "HouseholdRegistry.Api", "bin", configuration, "net10.0", "Platform.HouseholdRegistry.Api.dll");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("The registry's build output was not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _server.StopAsync();
        await _authority.DisposeAsync();
    }
}
