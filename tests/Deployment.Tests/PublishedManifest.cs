using System.Text.Json;

namespace Platform.Deployment.Tests;

/// <summary>
/// The AppHost's manifest, written once for the test class by the README's command
/// (`dotnet run --project AppHost -- --publisher manifest --output-path ...`), with "DataDir" set to
/// a folder that does not exist, so the tests can tell that publishing created nothing there.
/// </summary>
public sealed class PublishedManifest : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"pa-manifest-{Guid.NewGuid():N}");

    public string DataDirectory => Path.Combine(_folder, "data");

    public JsonElement Resources { get; private set; }

    /// <summary>The resources of one type ("project.v0", "parameter.v0", ...) by name.</summary>
    public IReadOnlyDictionary<string, JsonElement> OfType(string type) => Resources.EnumerateObject()
        .Where(r => r.Value.GetProperty("type").GetString() == type)
        .ToDictionary(r => r.Name, r => r.Value, StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "aspire-manifest.json");
        var (exitCode, output) = await Repository.DotnetAsync(
            ["run", "--project", "AppHost", "--no-build", "-c", Repository.Configuration, "--", "--publisher", "manifest", "--output-path", path],
            new Dictionary<string, string> { ["DataDir"] = DataDirectory });
        Assert.True(exitCode == 0 && File.Exists(path), $"The AppHost wrote no manifest (exit {exitCode}):\n{output}");

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Resources = manifest.RootElement.GetProperty("resources").Clone();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
