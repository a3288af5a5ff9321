using Platform.Resources;

namespace Platform.AppHost;

/// <summary>
/// The officers' web portal: it signs officers in at the identity service (code flow with PKCE, as the
/// public client "portal") and calls the four services over gRPC with each officer's own token. It has
/// no database; the keys of its sign-in cookie are kept in the data folder, shared by its replicas.
/// </summary>
public static class PortalResource
{
    public const string ClientId = "portal";

    /// <summary>The secret parameter that protects the portal's cookie keys in a deployment.</summary>
    public const string KeyProtectionParameter = "portal-key-protection-key";

    /// <summary>Where the identity service sends the browser back with a code, and after signing out (the OpenID Connect handler's paths).</summary>
    public const string SignInCallback = "/signin-oidc";

    public const string SignOutCallback = "/signout-callback-oidc";

    /// <summary>Loopback ports a portal run outside the AppHost may use in a local run (development only).</summary>
    public static readonly int[] DeveloperPorts = [5121, 5122, 5123];

    public static IResourceBuilder<ProjectResource> AddPlatformPortal(this IDistributedApplicationBuilder builder, PlatformSettings settings,
        IResourceBuilder<ProjectResource> identity, IResourceBuilder<ProjectResource> registry, IResourceBuilder<ProjectResource> assistance,
        IResourceBuilder<ProjectResource> employment, IResourceBuilder<ProjectResource> relocation)
    {
        var portal = builder.AddProject<Projects.Portal>(ResourceNames.Portal)
            .WithEnvironment("DataDir", settings.DataDirectory)
            .WithEnvironment("Portal__Services__Registry", registry.GetEndpoint("http"))
            .WithEnvironment("Portal__Services__Assistance", assistance.GetEndpoint("http"))
            .WithEnvironment("Portal__Services__Employment", employment.GetEndpoint("http"))
            .WithEnvironment("Portal__Services__Relocation", relocation.GetEndpoint("http"));
        PlatformServices.WithoutTls(portal);
        if (builder.IsPublishing())
        {
            // A deployment: the province's identity service; the portal's client is registered there by its operators.
            portal.WithoutHttpsBindings()
                .WithEndpoint("http", e => e.TargetPort = PublishMode.ContainerPort)
                .WithEnvironment("Portal__Authority", PublishMode.AuthAuthority(builder))
                .WithEnvironment("Portal__KeyProtectionKey", builder.AddParameter(KeyProtectionParameter, secret: true));
            return settings.Replicas > 1 ? portal.WithReplicas(settings.Replicas) : portal;
        }

        var address = portal.GetEndpoint("http");
        portal
            .WithEnvironment("Portal__Authority", identity.GetEndpoint(IdentityResource.OidcEndpoint))
            .WithEnvironment("Portal__RequireHttpsMetadata", "false")
            .WithEnvironment("Portal__KeyProtectionKey", settings.RunKeys.PortalKey)
            .WithHttpHealthCheck("/health")
            .WithUrlForEndpoint("http", url => url.DisplayText = "门户 Portal")
            .WaitFor(identity)
            .WithHealing();

        // The identity service knows the portal as a public code-flow client with exactly these addresses.
        var client = $"Identity__Seed__Clients__{IdentityResource.Clients.Count}";
        identity
            .WithEnvironment($"{client}__ClientId", ClientId)
            .WithEnvironment($"{client}__DisplayName", "干部门户 Officers' portal")
            .WithEnvironment($"{client}__Flow", "code")
            .WithEnvironment($"{client}__RedirectUris__0", ReferenceExpression.Create($"{address}{SignInCallback}"))
            .WithEnvironment($"{client}__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{address}{SignOutCallback}"));
        // A portal developer runs the portal alone beside the running suite (`dotnet watch --project services/Portal`
        // with Kestrel on one of these ports, see the README), signing in at this identity service.
        foreach (var (port, n) in DeveloperPorts.Select((p, n) => (p, n + 1)))
        {
            var developer = "http://localhost:" + port;
            identity
                .WithEnvironment($"{client}__RedirectUris__{n}", developer + SignInCallback)
                .WithEnvironment($"{client}__PostLogoutRedirectUris__{n}", developer + SignOutCallback);
        }
        return settings.Replicas > 1 ? portal.WithReplicas(settings.Replicas) : portal;
    }
}
