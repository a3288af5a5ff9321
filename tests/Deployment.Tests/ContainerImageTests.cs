using Platform.Resources;
using System.Text.Json;

namespace Platform.Deployment.Tests;

/// <summary>
/// Every service's container image settings, as MSBuild evaluates them for
/// `dotnet publish -t:PublishContainer` (no image is built here: no registry is reachable).
/// </summary>
public sealed class ContainerImageTests
{
    public static TheoryData<string> ApiProjects() => [.. Repository.ApiProjects.Select(p => Path.GetRelativePath(Repository.Root, p))];

    [Theory]
    [MemberData(nameof(ApiProjects))]
    public async Task A_service_image_is_chiseled_non_root_and_serves_h2c_on_8080_and_http1_on_8081(string project)
    {
        var (exitCode, output) = await Repository.DotnetAsync([
            "msbuild", project, "-getProperty:ContainerBaseImage", "-getProperty:ContainerUser", "-getProperty:ContainerRepository",
            "-getItem:ContainerPort", "-getItem:ContainerEnvironmentVariable"]);
        Assert.True(exitCode == 0, $"msbuild could not evaluate {project}:\n{output}");

        using var evaluation = JsonDocument.Parse(output);
        var properties = evaluation.RootElement.GetProperty("Properties");
        var items = evaluation.RootElement.GetProperty("Items");

        // Chiseled: no shell or package manager in the image; "app" is its non-root user (UID 1654).
        Assert.Matches("^mcr\\.microsoft\\.com/dotnet/aspnet:10\\.0-[a-z]+-chiseled$", properties.GetProperty("ContainerBaseImage").GetString());
        Assert.Equal("app", properties.GetProperty("ContainerUser").GetString());

        var service = Repository.ServiceNameOf(project);
        Assert.Contains(service, Repository.ServiceNames);
        Assert.Equal($"pa/{service}", properties.GetProperty("ContainerRepository").GetString());

        var env = items.GetProperty("ContainerEnvironmentVariable").EnumerateArray()
            .ToDictionary(v => v.GetProperty("Identity").GetString()!, v => v.GetProperty("Value").GetString(), StringComparer.Ordinal);
        Assert.Equal("8080", env["ASPNETCORE_HTTP_PORTS"]);
        if (service == ResourceNames.Portal)
        {
            // Browsers: HTTP/1.1 and HTTP/2 (its appsettings.json) on 8080 on every interface, no gRPC of its own.
            Assert.Equal([("8080", "tcp")], items.GetProperty("ContainerPort").EnumerateArray().Select(p => (p.GetProperty("Identity").GetString(), p.GetProperty("Type").GetString())));
            Assert.Equal("http://+:8080", env["Kestrel__Endpoints__http__Url"]);
            Assert.DoesNotContain("Kestrel__EndpointDefaults__Protocols", env.Keys);
            return;
        }

        // gRPC (h2c) on 8080; on 8081 (HTTP/1.1) the identity service serves OpenID Connect, the others HTTP/JSON.
        var ports = items.GetProperty("ContainerPort").EnumerateArray().Select(p => (p.GetProperty("Identity").GetString(), p.GetProperty("Type").GetString())).Order().ToList();
        Assert.Equal([("8080", "tcp"), ("8081", "tcp")], ports);

        Assert.Equal("Http2", env["Kestrel__EndpointDefaults__Protocols"]);
        // The endpoints are named in the services' configuration, which overrides ASPNETCORE_HTTP_PORTS.
        var second = service == ResourceNames.Identity ? "oidc" : "json";
        Assert.Equal(("http://+:8080", "http://+:8081"), (env["Kestrel__Endpoints__http__Url"], env[$"Kestrel__Endpoints__{second}__Url"]));
    }

    [Fact]
    public void Every_service_has_a_web_project()
    {
        // The theory above runs once per project found; this keeps it from passing on none.
        Assert.Equal(
            Repository.ServiceNames.Order(StringComparer.Ordinal),
            Repository.ApiProjects.Select(Repository.ServiceNameOf).Order(StringComparer.Ordinal));
    }
}
