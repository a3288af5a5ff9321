using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Platform.LocalServers;

namespace Platform.Standalone.Tests;

/// <summary>
/// One service published with `dotnet publish` and started from the publish folder with
/// `dotnet &lt;assembly&gt;.dll`, configured by environment variables only, as an operator would run it.
/// </summary>
public sealed class PublishedService : IAsyncDisposable
{
    private readonly ServerProcess _server;

    private PublishedService(string name, string folder)
    {
        Name = name;
        Folder = folder;
        _server = new ServerProcess(name);
    }

    public string Name { get; }

    /// <summary>The publish folder; removed on dispose.</summary>
    public string Folder { get; }

    /// <summary>The last lines the service wrote, for the test's failure message.</summary>
    public string Output => _server.RecentOutput;

    /// <summary>
    /// Publishes services/&lt;project&gt;/&lt;project&gt;.Api in the test's own configuration: from the
    /// existing build output (--no-build) when there is one, which is the case under `dotnet test`.
    /// </summary>
    public static async Task<PublishedService> PublishAsync(string name, string project)
    {
        var configuration = Configuration();
        var projectFolder = Path.Combine(RepoRoot(), "services", project, project + ".Api");
        var built = File.Exists(Path.Combine(projectFolder, "bin", configuration, "net10.0", $"Platform.{project}.Api.dll"));
        var folder = Path.Combine(Path.GetTempPath(), $"pa-standalone-{name}-{Guid.NewGuid():N}");
        List<string> arguments = ["publish", Path.Combine(projectFolder, project + ".Api.csproj"), "-c", configuration, "-o", folder, "--nologo"];
        if (built)
        {
            arguments.Add("--no-build");
        }

        var (code, output) = await RunAsync("dotnet", arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({code}):\n{output}");
        }

        return new PublishedService(name, folder);
    }

    /// <summary>
    /// Starts the published assembly from its folder with <paramref name="environment"/> and nothing
    /// else: no arguments, and none of the test process's own configuration variables. Waits until
    /// the gRPC health service at <paramref name="grpcAddress"/> (h2c) answers SERVING.
    /// </summary>
    public async Task StartAsync(string assembly, IReadOnlyDictionary<string, string> environment, Uri grpcAddress)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(Folder, assembly)]) { WorkingDirectory = Folder };
        foreach (var key in start.Environment.Keys.Where(IsConfiguration).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var channel = GrpcChannel.ForAddress(grpcAddress);
        await _server.StartAsync(start, ct => ServingAsync(channel, ct), TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(250));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process; the temp folder is cleaned by the OS later.
        }
    }

    /// <summary>Variables the test runner may carry that would configure the service besides the test's own.</summary>
    private static bool IsConfiguration(string key) =>
        key.Contains("__", StringComparison.Ordinal)
        || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase)
        || key.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
        || key.Equals("DataDir", StringComparison.OrdinalIgnoreCase);

    private static async Task<bool> ServingAsync(GrpcChannel channel, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (RpcException)
        {
            return false;
        }
    }

    /// <summary>The configuration this test assembly was built in (bin/&lt;configuration&gt;/net10.0).</summary>
    private static string Configuration() =>
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private static string RepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln was not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
