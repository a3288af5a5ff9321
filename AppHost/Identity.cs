using Platform.Resources;
using Platform.Security;

namespace Platform.AppHost;

/// <summary>A development officer the AppHost seeds into the identity service (password: the data folder's).</summary>
public sealed record DevelopmentOfficer(string UserName, string DisplayName, string Role, string Region, string Scopes = "");

/// <summary>A development department client (secret: the data folder's password).</summary>
public sealed record DevelopmentClient(string ClientId, string DisplayName, string Region, string Scopes);

/// <summary>
/// The identity service: started first, with its own database; every other service gets its
/// address as Auth:Authority. Local runs seed the development officers and clients listed here
/// (the README names them), all with the password in the data folder's dev-secrets.json.
/// </summary>
public static class IdentityResource
{
    public const string OidcEndpoint = "oidc";

    public static readonly IReadOnlyList<DevelopmentOfficer> Officers =
    [
        new("village-officer", "村干部（开发）", PlatformRoles.VillageOfficer, "341522100201"),
        new("township-officer", "乡干部（开发）", PlatformRoles.TownshipOfficer, "341522100000"),
        new("county-officer", "县干部（开发）", PlatformRoles.CountyOfficer, "341522000000", PlatformClaims.PersonalDataScope),
        new("demo-county-officer", "示范县干部（开发）", PlatformRoles.CountyOfficer, "341599000000", PlatformClaims.PersonalDataScope),
        // The demo county's first township and village (示范1镇, 示范1镇1村), for the portal's officers' views.
        new("demo-township-officer", "示范1镇干部（开发）", PlatformRoles.TownshipOfficer, "341599100000"),
        new("demo-village-officer", "示范1镇1村干部（开发）", PlatformRoles.VillageOfficer, "341599100201"),
        new("city-officer", "市干部（开发）", PlatformRoles.CityOfficer, "341500000000"),
        new("provincial-officer", "省干部（开发）", PlatformRoles.ProvincialOfficer, "340000000000", PlatformClaims.PersonalDataScope),
        new("auditor", "审计（开发）", PlatformRoles.Auditor, "340000000000", PlatformClaims.PersonalDataScope),
        new("operator", "运维（开发）", PlatformRoles.Operator, "340000000000"),
    ];

    public static readonly IReadOnlyList<DevelopmentClient> Clients =
    [
        new("education-department", "教育厅（开发）", "340000000000", "department:education"),
        new("health-department", "卫健委（开发）", "340000000000", "department:health"),
        new("housing-department", "住建厅（开发）", "340000000000", "department:housing"),
        new("water-department", "水利厅（开发）", "340000000000", "department:water"),
        // Followers of the change feed: civil affairs matches 低保 by ID number, so it may ask for them.
        new("civil-affairs-department", "民政厅（开发）", "340000000000", PlatformClaims.PersonalDataScope),
        new("human-resources-department", "人社厅（开发）", "340000000000", ""),
    ];

    /// <summary>The secret parameter that protects the identity service's signing keys in a deployment.</summary>
    public const string KeyProtectionParameter = "identity-key-protection-key";

    /// <summary>The identity service's container port for OpenID Connect (HTTP/1.1), beside 8080 for gRPC (h2c).</summary>
    public const int OidcContainerPort = 8081;

    public static IResourceBuilder<ProjectResource> AddPlatformIdentity(this IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        var identity = builder.AddProject<Projects.Identity_Api>(ResourceNames.Identity)
            .WithEnvironment("DataDir", settings.DataDirectory)
            .WithDatabase(ResourceNames.IdentityDatabase, settings);
        PlatformServices.WithoutTls(identity);
        if (builder.IsPublishing())
        {
            // A deployment: its key from the secret store, its own address from the deployment, no development accounts.
            return identity.WithoutHttpsBindings()
                .WithEndpoint("http", e => e.TargetPort = PublishMode.ContainerPort)
                .WithEndpoint(OidcEndpoint, e => e.TargetPort = OidcContainerPort)
                .WithEnvironment("Identity__KeyProtectionKey", builder.AddParameter(KeyProtectionParameter, secret: true))
                .WithEnvironment("Auth__Authority", PublishMode.AuthAuthority(builder));
        }

        var oidc = identity.GetEndpoint(OidcEndpoint);
        identity
            .WithEnvironment("Identity__KeyProtectionKey", settings.RunKeys.IdentityKey)
            // It checks the tokens of its own management contract against its own keys, like every service.
            .WithEnvironment("Auth__Authority", oidc)
            .WithEnvironment("Auth__RequireHttpsMetadata", "false")
            // Ready when its OpenID Connect endpoint (HTTP/1.1) reports healthy: what the services need from it first.
            .WithHttpHealthCheck("/health", endpointName: OidcEndpoint)
            .WithHealing();
        var password = settings.RunKeys.DevelopmentPassword;
        foreach (var (officer, n) in Officers.Select((o, n) => (o, n)))
        {
            Seed(identity, $"Officers__{n}", ("UserName", officer.UserName), ("DisplayName", officer.DisplayName), ("Role", officer.Role),
                ("Region", officer.Region), ("Scopes", officer.Scopes), ("Password", password));
        }

        foreach (var (client, n) in Clients.Select((c, n) => (c, n)))
        {
            Seed(identity, $"Clients__{n}", ("ClientId", client.ClientId), ("DisplayName", client.DisplayName),
                ("Region", client.Region), ("Scopes", client.Scopes), ("Secret", password));
        }

        return identity;
    }

    /// <summary>
    /// The service trusts the identity service's tokens: in a local run it starts once that is up; in a
    /// deployment the address is the parameter auth-authority (this identity service, or the province's own).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAuthority(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ProjectResource> identity) =>
        project.ApplicationBuilder.IsPublishing()
            ? project.WithAuthAuthority(identity.GetEndpoint(OidcEndpoint))
            : project
                .WithAuthAuthority(identity.GetEndpoint(OidcEndpoint))
                .WithEnvironment("Auth__RequireHttpsMetadata", "false")
                // A client the operator disables is refused within half a minute in a local run (default: 5 minutes).
                .WithEnvironment("Auth__MetadataRefresh", "00:00:30")
                .WaitFor(identity);

    /// <summary>One account of Identity:Seed, as environment variables (Identity__Seed__Officers__0__UserName, …).</summary>
    private static void Seed(IResourceBuilder<ProjectResource> identity, string account, params (string Name, string Value)[] settings)
    {
        foreach (var (name, value) in settings)
        {
            identity.WithEnvironment($"Identity__Seed__{account}__{name}", value);
        }
    }

    /// <summary>A token of the development operator, for the dashboard's commands.</summary>
    public static async Task<string> OperatorTokenAsync(PlatformSettings settings, CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return await TokenRequest.ForOfficerAsync(http, settings.Authority!.Url, "operator", settings.RunKeys.DevelopmentPassword, cancel: cancel);
    }
}
