using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Platform.Identity.Accounts;
using Platform.Identity.Data;
using Platform.Identity.Keys;
using Platform.Identity.Management;
using Platform.Identity.SignIn;
using Platform.Identity.Tokens;
using Platform.Security;

namespace Platform.Identity;

public static class IdentityFeatures
{
    /// <summary>
    /// OpenIddict's server on the service's database: the token endpoint with the client-credentials
    /// and password grants, the portal's authorization code flow (PKCE) with its sign-in page and
    /// end-session endpoint, discovery and JWKS; access tokens are signed JWTs (not encrypted), so
    /// any service or department can check them with the published keys alone.
    /// </summary>
    public static IHostApplicationBuilder AddIdentityFeatures(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<KeyProtection>();
        services.AddSingleton<SigningKeyRing>();
        services.AddHostedService<SigningKeyReload>();
        services.AddScoped<AccountStore>();
        services.AddScoped<AccountSeeder>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, SignWithRingKey>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, EncryptWithSharedKey>();
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris(TokenEndpoint.Path)
                    .SetAuthorizationEndpointUris(AuthorizeEndpoint.Path)
                    .SetEndSessionEndpointUris(EndSessionEndpoint.Path);
                o.AllowClientCredentialsFlow().AllowPasswordFlow().AllowAuthorizationCodeFlow();
                // Every code is bound to a S256 challenge of its client; `plain` would put the verifier in the browser's URL.
                o.RequireProofKeyForCodeExchange();
                o.Configure(server => server.CodeChallengeMethods.Remove(OpenIddictConstants.CodeChallengeMethods.Plain));
                // The password grant of `pa token` and scripts names no client; client credentials always do.
                o.AcceptAnonymousClients();
                o.RegisterScopes([OpenIddictConstants.Scopes.OpenId, .. PlatformScopes.All]);
                // Which scopes an account may have is the platform's rule (PlatformScopes), checked at the token endpoint.
                o.IgnoreScopePermissions();
                o.SetAccessTokenLifetime(options.AccessTokenLifetime);
                o.DisableAccessTokenEncryption();
                // Authorization codes are encrypted with the key every replica derives (EncryptWithSharedKey).
                if (!string.IsNullOrWhiteSpace(options.Issuer))
                {
                    o.SetIssuer(new Uri(options.Issuer));
                }

                o.AddEventHandler(PublishRetiredKeys.Descriptor);
                o.AddEventHandler(AdvertiseRevokedCallers.Descriptor);
                o.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // TLS ends at the province's gateway; local runs are plain http on loopback.
                    .DisableTransportSecurityRequirement();
            });
        return builder;
    }

    public static WebApplication MapIdentityServices(this WebApplication app)
    {
        app.MapPost(TokenEndpoint.Path, TokenEndpoint.ExchangeAsync).AllowAnonymous();
        app.MapMethods(AuthorizeEndpoint.Path, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.AuthorizeAsync).AllowAnonymous();
        app.MapMethods(EndSessionEndpoint.Path, [HttpMethods.Get, HttpMethods.Post], EndSessionEndpoint.EndSession).AllowAnonymous();
        app.MapGet(RevokedEndpoint.Path, RevokedEndpoint.ListAsync).AllowAnonymous();
        app.MapGrpcService<IdentityGrpcService>();
        return app;
    }

    /// <summary>Creates or updates the accounts of Identity:Seed (the AppHost's development officers and clients).</summary>
    public static async Task SeedAccountsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync(CancellationToken.None);
    }
}
