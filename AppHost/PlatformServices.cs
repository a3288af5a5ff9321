using Microsoft.Extensions.Configuration;
using Platform.Security;

namespace Platform.AppHost;

/// <summary>What every platform service resource gets from the AppHost.</summary>
public sealed record PlatformSettings(string DataDirectory, DevSecrets Secrets, IResourceBuilder<IResourceWithConnectionString> Broker);

public static class PlatformServices
{
    /// <summary>
    /// h2c endpoints, development keys, the data folder, the broker (start waits until it is
    /// healthy) and health from the gRPC health service.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformDefaults(this IResourceBuilder<ProjectResource> project, PlatformSettings settings) =>
        project
            .WithEnvironment("Kestrel__EndpointDefaults__Protocols", "Http2")
            .WithEnvironment("Auth__SigningKey", settings.Secrets.SigningKey)
            .WithEnvironment("PersonalData__EncryptionKey", settings.Secrets.EncryptionKey)
            .WithEnvironment("PersonalData__LookupKey", settings.Secrets.LookupKey)
            .WithEnvironment("DataDir", settings.DataDirectory)
            .WithReference(settings.Broker)
            .WaitFor(settings.Broker)
            .WithGrpcHealthCheck();

    /// <summary>
    /// The service's database: a SQLite file in the data folder by default; with
    /// "Database:Provider" = SqlServer, the connection string parameter "ConnectionStrings:{name}".
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(this IResourceBuilder<ProjectResource> project, string name, PlatformSettings settings)
    {
        var builder = project.ApplicationBuilder;
        if (string.Equals(builder.Configuration["Database:Provider"], "SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            return project.WithEnvironment("Database__Provider", "SqlServer").WithReference(builder.AddConnectionString(name));
        }

        return project
            .WithEnvironment("Database__Provider", "Sqlite")
            .WithEnvironment($"ConnectionStrings__{name}", $"Data Source={Path.Combine(settings.DataDirectory, name + ".db")}");
    }
}
