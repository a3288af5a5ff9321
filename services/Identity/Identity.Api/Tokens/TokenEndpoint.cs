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
/// client's secret: a department client (client credentials) or an officer (password, or the portal's
/// authorization code) gets an access token with the platform's claims — subject, name, role,
/// region, scopes — for the audience of the services. A disabled account gets none.
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

        if (request.IsAuthorizationCodeGrantType())
        {
            return await RedeemCodeAsync(http, db, auth);
        }

        return Refuse(Errors.UnsupportedGrantType, "Use the client_credentials grant (department systems), the password grant (officers) or an authorization code (the portal).");
    }

    /// <summary>
    /// An authorization code (the portal's sign-in), after OpenIddict has checked it, its client,
    /// redirect URI and PKCE verifier: the officer's claims are read again, so a role or region changed
    /// since the sign-in counts, and an officer or client disabled since gets nothing.
    /// </summary>
    private static async Task<IResult> RedeemCodeAsync(HttpContext http, IdentityDbContext db, Platform.Security.AuthOptions auth)
    {
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == http.GetOpenIddictServerRequest()!.ClientId);
        if (client?.DisabledAt is not null)
        {
            return Refuse(Errors.InvalidClient, "The client is disabled.");
        }

        var code = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var subject = code?.GetClaim(Claims.Subject);
        var officer = subject is null ? null : await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.UserName == subject);
        if (code is null || officer is null || officer.DisabledAt is not null)
        {
            return Refuse(Errors.InvalidGrant, "The officer's account is disabled or no longer exists.");
        }

        var granted = PlatformScopes.Split(officer.Scopes);
        var scopes = code.GetScopes().Where(s => s == Scopes.OpenId || granted.Contains(s));
        return SignIn(Principal(officer.UserName, officer.DisplayName, officer.Role, officer.RegionCode, scopes, auth.Audience));
    }

    private static IResult Grant(string subject, string name, string role, string region, string grantedScopes, OpenIddictRequest request, Platform.Security.AuthOptions auth)
    {
        var (scopes, refused) = PlatformScopes.ForToken(request.GetScopes(), PlatformScopes.Split(grantedScopes));
        if (scopes is null)
        {
            return Refuse(Errors.InvalidScope, $"The scope '{refused}' is not granted to this account.");
        }

        return SignIn(Principal(subject, name, role, region, scopes, auth.Audience));
    }

    /// <summary>
    /// The platform caller a token names: subject, name, role, region and scopes, for the audience of
    /// the services. Subject and name also go into an identity token when `openid` was asked for (the portal).
    /// </summary>
    public static ClaimsPrincipal Principal(string subject, string name, string role, string region, IEnumerable<string> scopes, string audience)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, PlatformClaims.Name, PlatformClaims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(Claims.Name, name)
            .SetClaim(Claims.Role, role)
            .SetClaim(PlatformClaims.Region, region);
        identity.SetScopes(scopes.ToImmutableArray());
        identity.SetAudiences(audience);
        identity.SetDestinations(claim => claim.Type is Claims.Subject or Claims.Name
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
