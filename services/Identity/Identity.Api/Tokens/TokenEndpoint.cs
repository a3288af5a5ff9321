using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Identity.Accounts;
using Platform.Identity.Data;
using Platform.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Tokens;

/// <summary>
/// The token endpoint ({issuer}/connect/token), after OpenIddict has checked the request and a
/// client's secret: a department client (client credentials) or an officer (password) gets an
/// access token with the platform's claims — subject, name, role, region, scopes — for the audience
/// of the services. A disabled account gets none.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "connect/token";

    public static async Task<IResult> ExchangeAsync(HttpContext http, IdentityDbContext db, IdentityOptions options, Platform.Security.AuthOptions auth)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == request.ClientId);
            if (client is null || client.DisabledAt is not null)
            {
                return Refuse(Errors.InvalidClient, "The client is disabled or not registered with the platform.");
            }

            return Grant(client.ClientId, client.DisplayName, PlatformRoles.DepartmentClient, client.RegionCode, client.Scopes, request, auth);
        }

        if (request.IsPasswordGrantType())
        {
            var officer = await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.UserName == request.Username);
            // One answer for an unknown name and a wrong password: the response says nothing about which names exist.
            if (officer is null || !PasswordHashing.Verify(request.Password ?? "", officer.PasswordHash))
            {
                return Refuse(Errors.InvalidGrant, "The user name or password is not correct.");
            }

            if (officer.DisabledAt is not null)
            {
                return Refuse(Errors.InvalidGrant, "The officer's account is disabled.");
            }

            return Grant(officer.UserName, officer.DisplayName, officer.Role, officer.RegionCode, officer.Scopes, request, auth);
        }

        return Refuse(Errors.UnsupportedGrantType, "Use the client_credentials grant (department systems) or the password grant (officers).");
    }

    private static IResult Grant(string subject, string name, string role, string region, string grantedScopes, OpenIddictRequest request, Platform.Security.AuthOptions auth)
    {
        var (scopes, refused) = PlatformScopes.ForToken(request.GetScopes(), PlatformScopes.Split(grantedScopes));
        if (scopes is null)
        {
            return Refuse(Errors.InvalidScope, $"The scope '{refused}' is not granted to this account.");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, PlatformClaims.Name, PlatformClaims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(Claims.Name, name)
            .SetClaim(Claims.Role, role)
            .SetClaim(PlatformClaims.Region, region);
        identity.SetScopes(scopes.ToImmutableArray());
        identity.SetAudiences(auth.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
