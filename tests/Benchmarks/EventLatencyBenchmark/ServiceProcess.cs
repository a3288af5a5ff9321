using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Platform.LocalServers;

namespace Platform.Benchmarks.EventLatency;

/// <summary>The shape of one service: its build output and the connection string name of its database.</summary>
public sealed record ServiceKind(string Name, string ProjectFolder, string Assembly, string DatabaseName)
{
    public static readonly ServiceKind Registry = new("household-registry", "HouseholdRegistry", "Platform.HouseholdRegistry.Api", "registry-db");
    public static readonly ServiceKind Assistance = new("assistance", "Assistance", "Platform.Assistance.Api", "assistance-db");
    public static readonly ServiceKind Employment = new("employment", "Employment", "Platform.Employment.Api", "employment-db");
    public static readonly ServiceKind Relocation = new("relocation", "Relocation", "Platform.Relocation.Api", "relocation-db");
}

/// <summary>
/// One service as its own process, started the way the AppHost starts it: its own build output of
/// this configuration, h2c on a loopback port, a SQLite database of its own, the shared broker.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ServerProcess _server;

    private ServiceProcess(ServiceKind kind, string databasePath, GrpcChannel channel)
    {
        Kind = kind;
        DatabasePath = databasePath;
        Channel = channel;
        _server = new ServerProcess(kind.Name);
    }

    public ServiceKind Kind { get; }

    public string DatabasePath { get; }

    public GrpcChannel Channel { get; }

    /// <summary>CPU time the service's process has used so far.</summary>
    public TimeSpan CpuTime => _server.CpuTime;

    /// <summary>
    /// Starts the service's build output. With <paramref name="sqlLogDirectory"/>, its output goes to
    /// &lt;name&gt;.log there with every EF command and its duration (lock waits included), to find
    /// where a service's time goes.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(ServiceKind kind, string dataDirectory, IReadOnlyDictionary<string, string> shared, string? sqlLogDirectory = null)
    {
        var port = Loopback.FreePort();
        var database = Path.Combine(dataDirectory, kind.DatabaseName + ".db");
        var service = new ServiceProcess(kind, database, GrpcChannel.ForAddress($"http://127.0.0.1:{port}"));
        var assembly = ServiceAssembly(kind);
        var start = sqlLogDirectory is null
            ? new ProcessStartInfo("dotnet", [assembly]) { WorkingDirectory = Path.GetDirectoryName(assembly)! }
            : new ProcessStartInfo("sh", ["-c", $"exec dotnet {assembly} --Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information > {sqlLogDirectory}/{kind.Name}.log 2>&1"]) { WorkingDirectory = Path.GetDirectoryName(assembly)! };
        foreach (var (key, value) in shared)
        {
            start.Environment[key] = value;
        }

        if (sqlLogDirectory is not null)
        {
            start.Environment["Logging__Console__FormatterName"] = "simple";
            start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment[$"ConnectionStrings__{kind.DatabaseName}"] = $"Data Source={database}";
        await service._server.StartAsync(start, service.ServingAsync, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(50));
        return service;
    }

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

    private static string ServiceAssembly(ServiceKind kind)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<configuration>/net10.0
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "services", kind.ProjectFolder, $"{kind.ProjectFolder}.Api", "bin", configuration, "net10.0", kind.Assembly + ".dll");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"The build output of {kind.Name} was not found above {AppContext.BaseDirectory}");
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _server.StopAsync();
    }
}
