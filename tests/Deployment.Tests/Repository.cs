using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Platform.Resources;

namespace Platform.Deployment.Tests;

/// <summary>The checkout the tests run in, its services, and the dotnet commands the tests run in it.</summary>
public static partial class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration the tests (and so the AppHost they reference) were built in.</summary>
    public static string Configuration { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Configuration").Value!;

    /// <summary>
    /// The platform services by their resource names: every name in <see cref="ResourceNames"/> but
    /// the broker and the databases ("-db").
    /// </summary>
    public static IReadOnlySet<string> ServiceNames { get; } = typeof(ResourceNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Where(name => name != ResourceNames.Broker && !name.EndsWith("-db", StringComparison.Ordinal))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every service's web project: services/X/X.Api/X.Api.csproj, and the officers' portal (services/Portal/Portal.csproj).</summary>
    public static IReadOnlyList<string> ApiProjects { get; } = Directory
        .GetFiles(Path.Combine(Root, "services"), "*.Api.csproj", SearchOption.AllDirectories)
        .Append(Path.Combine(Root, "services", "Portal", "Portal.csproj"))
        .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The resource name of a service's project: HouseholdRegistry.Api is household-registry.</summary>
    public static string ServiceNameOf(string apiProject) =>
        WordStart().Replace(Path.GetFileNameWithoutExtension(apiProject).Replace(".Api", "", StringComparison.Ordinal), "-$1").ToLowerInvariant();

    /// <summary>Runs dotnet in the checkout; the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> DotnetAsync(IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child's MSBuild at the test runner's.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(variable);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', start.ArgumentList)} did not finish in 3 minutes.");
        }

        return (process.ExitCode, await output + await error);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}
