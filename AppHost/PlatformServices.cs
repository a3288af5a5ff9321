using Microsoft.Extensions.Configuration;
using Platform.Security;

namespace Platform.AppHost;

/// <summary>
/// What every platform service resource gets from the AppHost. <paramref name="Postgres"/> is the
/// private cluster, started only if a service's database needs it; <paramref name="Replicas"/> is
/// how many processes of each service run ("Replicas", default 1). <paramref name="Secrets"/> are the
/// development keys of a local run; publishing has none (see <see cref="PublishMode"/>).
/// </summary>
public sealed record PlatformSettings(
    string DataDirectory,
    DevSecrets? Secrets,
    IResourceBuilder<IResourceWithConnectionString> Broker,
    Lazy<IResourceBuilder<LocalPostgresResource>> Postgres,
    int Replicas)
{
    /// <summary>The identity service's OpenID Connect endpoint, once it is added.</summary>
    public EndpointReference? Authority { get; init; }

    /// <summary>The development keys; only run mode has them, and only run mode's dashboard commands use them.</summary>
    public DevSecrets RunKeys => Secrets ?? throw new InvalidOperationException("Publish mode has no development keys.");
}

public static class PlatformServices
{
    /// <summary>
    /// The HTTP/1.1 endpoint of gRPC JSON transcoding beside each domain service's h2c endpoint
    /// ("http"), named in the service's appsettings.json (Kestrel:Endpoints), which Aspire reads.
    /// </summary>
    public const string JsonEndpoint = "json";

    /// <summary>"Replicas" from configuration: a whole number of at least 1, 1 when not given.</summary>
    public static int ReplicasFrom(IConfiguration configuration)
    {
        var configured = configuration["Replicas"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return 1;
        }

        return int.TryParse(configured, out var replicas) && replicas >= 1
            ? replicas
            : throw new InvalidOperationException($"Replicas must be a whole number of at least 1, not '{configured}'.");
    }

    /// <summary>
    /// h2c endpoints, development keys, the data folder, the broker (start waits until it is
    /// healthy), health from the gRPC health service of every replica, and the replicas. Publishing
    /// gets the deployment's settings instead (<see cref="PublishMode.WithDeploymentSettings"/>).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformDefaults(this IResourceBuilder<ProjectResource> project, PlatformSettings settings)
    {
        project
            .WithEnvironment("Kestrel__EndpointDefaults__Protocols", "Http2")
            .WithEnvironment("DataDir", settings.DataDirectory)
            .WithReference(settings.Broker);
        if (project.ApplicationBuilder.IsPublishing())
        {
            // A deployment: keys and addresses are parameters; health checks, healing and commands serve the local dashboard only.
            project.WithDeploymentSettings();
            return settings.Replicas > 1 ? project.WithReplicas(settings.Replicas) : project;
        }

        project
            .WithEnvironment("PersonalData__EncryptionKey", settings.RunKeys.EncryptionKey)
            .WithEnvironment("PersonalData__LookupKey", settings.RunKeys.LookupKey)
            .WaitFor(settings.Broker)
            .WithGrpcHealthCheck()
            .WithOutboxCommands(settings)
            .WithErrorQueueCommands(settings)
            .WithHealing();
        WithoutTls(project);
        return settings.Replicas > 1 ? project.WithReplicas(settings.Replicas) : project;
    }

    /// <summary>
    /// The services serve plain h2c on loopback by design. Aspire gives every project a callback
    /// that would hand it the development certificate, and a model with such a resource makes the
    /// AppHost check for a trusted certificate and raise "No trusted development certificate" as an
    /// error banner on every dashboard page, although nothing uses TLS. Saying so removes the false alarm.
    /// </summary>
    public static void WithoutTls(IResourceBuilder<ProjectResource> project)
    {
#pragma warning disable ASPIRECERTIFICATES001 // Experimental in Aspire 13.6; the only way to say a project needs no certificate.
        project.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
    }

    /// <summary>
    /// The service's database ("Database:Provider"): a SQLite file in the data folder by default;
    /// SqlServer with the connection string parameter "ConnectionStrings:{name}"; Postgres with
    /// "ConnectionStrings:{name}" when given, otherwise a database of that name on the private
    /// cluster, created before the service starts. Publishing: always the connection string parameter.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(this IResourceBuilder<ProjectResource> project, string name, PlatformSettings settings)
    {
        var builder = project.ApplicationBuilder;
        if (builder.IsPublishing())
        {
            return project.WithDatabaseConnectionString(name, Provider(builder.Configuration));
        }

        switch (Provider(builder.Configuration))
        {
            case "sqlserver":
                return project.WithEnvironment("Database__Provider", "SqlServer").WithReference(builder.AddConnectionString(name));
            case "postgres" when !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)):
                return project.WithEnvironment("Database__Provider", "Postgres").WithReference(builder.AddConnectionString(name));
            case "postgres":
                var database = settings.Postgres.Value.AddPlatformDatabase(name);
                return project.WithEnvironment("Database__Provider", "Postgres").WithReference(database).WaitFor(database);
            default:
                return project
                    .WithEnvironment("Database__Provider", "Sqlite")
                    .WithEnvironment($"ConnectionStrings__{name}", $"Data Source={Path.Combine(settings.DataDirectory, name + ".db")}");
        }
    }

    private static string Provider(IConfiguration configuration)
    {
        var provider = (configuration["Database:Provider"] ?? "Sqlite").Trim().ToLowerInvariant();
        return provider is "sqlite" or "sqlserver" or "postgres"
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be Sqlite, SqlServer or Postgres, not '{configuration["Database:Provider"]}'.");
    }
}
