using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Security;

public static class AuthenticationSetup
{
    /// <summary>
    /// JWT bearer authentication for every endpoint: a caller without a valid token is
    /// Unauthenticated, told why (<see cref="AuthenticationRefusal"/>); a token without a known
    /// role and a region of that role's level is treated the same way.
    /// </summary>
    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var key = new SymmetricSecurityKey(jwt.SigningKeyBytes());
        services.AddSingleton(jwt);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKey = key,
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents
                {
                    // A signed token that names no known role, or a region of the wrong level, proves no platform identity.
                    OnTokenValidated = ctx =>
                    {
                        var why = PlatformRoles.WhyNotAllowed(
                            ctx.Principal?.FindFirst(PlatformClaims.Role)?.Value,
                            ctx.Principal?.FindFirst(PlatformClaims.Region)?.Value);
                        if (why is not null)
                        {
                            ctx.Fail(new RoleAndRegionException(why));
                        }

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
}
