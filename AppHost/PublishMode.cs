using Microsoft.Extensions.Configuration;
using Platform.Resources;

namespace Platform.AppHost;

/// <summary>
/// The AppHost in publish mode (<c>--publisher manifest --output-path aspire-manifest.json</c>)
/// describes a deployment rather than this machine: no data folder, no development keys, no local
/// broker or database. What a province supplies at deploy time is a parameter: the personal-data
/// keys and every connection string (they hold passwords) are secret parameters, the identity
/// service's address is a plain one, so no secret is ever written into the manifest.
/// </summary>
public static class PublishMode
{
    public const string EncryptionKeyParameter = "personal-data-encryption-key";
    public const string LookupKeyParameter = "personal-data-lookup-key";

    /// <summary>The URL of the province's identity service, whose tokens the services accept. Not a secret.</summary>
    public const string AuthAuthorityParameter = "auth-authority";

    /// <summary>
    /// Where a service keeps its files inside its container (the app user's home: the chiseled image
    /// runs as non-root "app", which cannot write under /app). "DataDir" overrides it.
    /// </summary>
    public const string DefaultDataDirectory = "/home/app/data";

    /// <summary>The port every service listens on in its container (the aspnet images' default).</summary>
    public const int ContainerPort = 8080;

    /// <summary>The port of a domain service's HTTP/JSON endpoint (HTTP/1.1) in its container.</summary>
    public const int JsonContainerPort = 8081;

    public static bool IsPublishing(this IDistributedApplicationBuilder builder) => builder.ExecutionContext.IsPublishMode;

    /// <summary>
    /// Settings for publishing. Nothing is read from or written to this machine: "DataDir" is taken
    /// as a path on the target, the broker is the connection string parameter "broker", and local
    /// PostgreSQL is never started.
    /// </summary>
    public static PlatformSettings Settings(IDistributedApplicationBuilder builder) => new(
        builder.Configuration["DataDir"] ?? DefaultDataDirectory,
        Secrets: null,
        builder.AddConnectionString(ResourceNames.Broker),
        new Lazy<IResourceBuilder<LocalPostgresResource>>(() =>
            throw new InvalidOperationException("Publish mode has no local PostgreSQL: each database is a connection string parameter.")),
        PlatformServices.ReplicasFrom(builder.Configuration));

    /// <summary>
    /// A service's deployment settings: keys from secret parameters, the identity service's address
    /// from a parameter, a plain h2c endpoint on the container port and the HTTP/1.1 JSON endpoint beside it. The https endpoint Aspire
    /// adds to projects in publish mode is dropped: the services speak h2c only, TLS ends at the
    /// province's ingress, so an https binding would point at a port nothing listens on.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDeploymentSettings(this IResourceBuilder<ProjectResource> project)
    {
        var builder = project.ApplicationBuilder;
        return project.WithoutHttpsBindings()
            .WithEndpoint("http", endpoint => endpoint.TargetPort = ContainerPort)
            .WithEndpoint(PlatformServices.JsonEndpoint, endpoint => endpoint.TargetPort = JsonContainerPort)
            .WithEnvironment("Auth__Authority", AuthAuthority(builder))
            .WithEnvironment("PersonalData__EncryptionKey", SecretParameter(builder, EncryptionKeyParameter))
            .WithEnvironment("PersonalData__LookupKey", SecretParameter(builder, LookupKeyParameter));
    }

    /// <summary>Drops the https bindings Aspire gives every project when publishing: the services speak h2c only.</summary>
    public static IResourceBuilder<ProjectResource> WithoutHttpsBindings(this IResourceBuilder<ProjectResource> project)
    {
        foreach (var https in project.Resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.UriScheme == "https").ToList())
        {
            project.Resource.Annotations.Remove(https);
        }

        return project;
    }

    /// <summary>
    /// "Auth__Authority": in run mode <paramref name="runModeAuthority"/> (the local identity
    /// service's endpoint), in publish mode the parameter <see cref="AuthAuthorityParameter"/>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAuthAuthority(this IResourceBuilder<ProjectResource> project, EndpointReference runModeAuthority) =>
        project.ApplicationBuilder.IsPublishing()
            ? project.WithEnvironment("Auth__Authority", AuthAuthority(project.ApplicationBuilder))
            : project.WithEnvironment("Auth__Authority", runModeAuthority);

    /// <summary>The parameter <see cref="AuthAuthorityParameter"/>, added once and shared by every service.</summary>
    public static IResourceBuilder<ParameterResource> AuthAuthority(IDistributedApplicationBuilder builder) =>
        Parameter(builder, AuthAuthorityParameter, secret: false);

    /// <summary>
    /// The service's database as the connection string parameter <paramref name="name"/> (secret:
    /// it holds the password), with the configured provider ("Database:Provider", Sqlite by default).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDatabaseConnectionString(this IResourceBuilder<ProjectResource> project, string name, string provider) =>
        project
            .WithEnvironment("Database__Provider", provider switch
            {
                "sqlserver" => "SqlServer",
                "postgres" => "Postgres",
                _ => "Sqlite",
            })
            .WithReference(project.ApplicationBuilder.AddConnectionString(name));

    private static IResourceBuilder<ParameterResource> SecretParameter(IDistributedApplicationBuilder builder, string name) =>
        Parameter(builder, name, secret: true);

    /// <summary>Every service refers to the same parameter; Aspire refuses a second resource of one name.</summary>
    private static IResourceBuilder<ParameterResource> Parameter(IDistributedApplicationBuilder builder, string name, bool secret) =>
        builder.Resources.OfType<ParameterResource>().FirstOrDefault(p => p.Name == name) is { } existing
            ? builder.CreateResourceBuilder(existing)
            : builder.AddParameter(name, secret);
}
