using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Security;

public static class AuthenticationSetup
{
    /// <summary>
    /// Only asymmetric signatures: a service holds public keys only, and a token that names HS256
    /// (signed with a shared secret, or with a public key used as one) is refused outright.
    /// </summary>
    public static readonly IReadOnlyList<string> AcceptedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>
    /// JWT bearer authentication for every endpoint, with the keys of the identity provider named by
    /// "Auth:Authority" (<see cref="AuthorityMetadata"/>): a caller without a valid token is
    /// Unauthenticated, told why (<see cref="AuthenticationRefusal"/>); a token without a known
    /// role and a region of that role's level, or of a caller the provider has disabled, likewise.
    /// </summary>
    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        auth.DiscoveryAddress(); // Fails the start with the reason, not the first call.
        services.AddSingleton(auth);
        services.AddHttpClient(AuthorityMetadata.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        // Wall-clock time, not the service's TimeProvider: keys age in real time even when tests move the domain's clock.
        services.AddSingleton(sp => new AuthorityMetadata(
            auth, sp.GetRequiredService<IHttpClientFactory>(), TimeProvider.System, sp.GetRequiredService<ILogger<AuthorityMetadata>>()));
        services.AddHostedService<AuthorityWarmup>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<AuthorityMetadata>((o, metadata) => o.ConfigurationManager = metadata);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                // Refreshing on an unknown key is done before validation (OnMessageReceived), so the first token of a new key passes.
                o.RefreshOnIssuerKeyNotFound = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudience = auth.Audience,
                    ValidAlgorithms = AcceptedAlgorithms,
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = ReadNewKeysFirstAsync,
                    OnTokenValidated = CheckCaller,
                    // The provider unreachable before any key was read: refuse with the reason instead of failing the request.
                    OnAuthenticationFailed = ctx =>
                    {
                        ctx.Fail(ctx.Exception);
                        return Task.CompletedTask;
                    },
                    OnChallenge = AuthenticationRefusal.ChallengeAsync,
                };
            });

        // Token validation already rejects tokens without a platform caller, so authenticated is enough here.
        services.AddAuthorizationBuilder().SetFallbackPolicy(
            new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>Reads a token's header without validating it; one instance serves every request.</summary>
    private static readonly JsonWebTokenHandler TokenReader = new();

    /// <summary>A token signed with a key not read yet (the provider rotated its key) makes the keys be read again first.</summary>
    private static async Task ReadNewKeysFirstAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var token = header["Bearer ".Length..].Trim();
        context.Token = token;
        if (TokenReader.CanReadToken(token))
        {
            var keyId = TokenReader.ReadJsonWebToken(token).Kid;
            var metadata = context.HttpContext.RequestServices.GetRequiredService<AuthorityMetadata>();
            await metadata.EnsureKeyAsync(keyId, context.HttpContext.RequestAborted);
        }
    }

    /// <summary>
    /// A signed token that names no known role, or a region of the wrong level, proves no platform
    /// identity; one of a caller the provider disabled after issuing it is no longer honoured.
    /// </summary>
    private static Task CheckCaller(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var why = PlatformRoles.WhyNotAllowed(
            principal?.FindFirst(PlatformClaims.Role)?.Value,
            principal?.FindFirst(PlatformClaims.Region)?.Value);
        if (why is not null)
        {
            context.Fail(new RoleAndRegionException(why));
            return Task.CompletedTask;
        }

        var subject = principal?.FindFirst(PlatformClaims.Subject)?.Value;
        var metadata = context.HttpContext.RequestServices.GetRequiredService<AuthorityMetadata>();
        if (subject is not null && metadata.RevokedSince(subject) is { } since
            && (context.SecurityToken is not JsonWebToken jwt || jwt.IssuedAt == DateTime.MinValue || jwt.IssuedAt <= since.UtcDateTime))
        {
            context.Fail(new CallerRevokedException(subject, since));
        }

        return Task.CompletedTask;
    }
}
