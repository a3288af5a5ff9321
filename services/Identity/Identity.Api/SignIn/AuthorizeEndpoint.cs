using Microsoft.AspNetCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Identity.Accounts;
using Platform.Identity.Data;
using Platform.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.SignIn;

/// <summary>
/// The authorization endpoint ({issuer}/connect/authorize) of the portal's code flow, after OpenIddict
/// has checked the client, its registered redirect URI (exact match) and the PKCE challenge: shows the
/// sign-in page, and once an officer's name and password are right, issues a code for the officer's
/// claims and the scopes asked for among those granted (personal-data only when asked for by name).
/// No session is kept: every authorization asks for the password.
/// </summary>
public static class AuthorizeEndpoint
{
    public const string Path = "connect/authorize";

    public static async Task<IResult> AuthorizeAsync(HttpContext http, IdentityDbContext db, Platform.Security.AuthOptions auth)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == request.ClientId);
        if (client?.DisabledAt is not null)
        {
            return Refuse(Errors.UnauthorizedClient, "The client is disabled.");
        }

        var parameters = RequestParameters(http);
        if (!HttpMethods.IsPost(http.Request.Method) || request.Username is null)
        {
            return SignInPage.Show(http, parameters, refusal: null);
        }

        var officer = await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.UserName == request.Username);
        // One answer for an unknown name and a wrong password, as at the token endpoint.
        if (officer is null || !PasswordHashing.Verify(request.Password ?? "", officer.PasswordHash))
        {
            return SignInPage.Show(http, parameters, SignInPage.WrongNameOrPassword);
        }

        if (officer.DisabledAt is not null)
        {
            return SignInPage.Show(http, parameters, SignInPage.Disabled);
        }

        var asked = request.GetScopes().Where(s => s != Scopes.OpenId).ToList();
        var (scopes, refused) = PlatformScopes.ForToken(asked, PlatformScopes.Split(officer.Scopes));
        if (scopes is null)
        {
            return Refuse(Errors.InvalidScope, $"The scope '{refused}' is not granted to this account.");
        }

        var principal = TokenEndpoint.Principal(officer.UserName, officer.DisplayName, officer.Role, officer.RegionCode, [Scopes.OpenId, .. scopes], auth.Audience);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The request's own parameters, carried through the form as hidden fields; never the credentials.</summary>
    private static IEnumerable<KeyValuePair<string, string>> RequestParameters(HttpContext http)
    {
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> source =
            HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType ? http.Request.Form : http.Request.Query;
        return source
            .Where(p => p.Key is not Parameters.Username and not Parameters.Password)
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? "")));
    }

    /// <summary>An error OpenIddict sends back to the client's redirect URI (the request itself was valid).</summary>
    private static IResult Refuse(string error, string description) => Results.Forbid(
        new Microsoft.AspNetCore.Authentication.AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
