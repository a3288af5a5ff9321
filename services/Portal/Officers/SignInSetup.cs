using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Platform.Security;

namespace Platform.Portal.Officers;

/// <summary>
/// Officers sign in at the identity service (authorization code with PKCE, the portal a public client)
/// and the portal keeps their access token in its encrypted sign-in cookie, for as long as the token
/// is valid: when it expires the officer signs in again. Full ID numbers need the personal-data scope,
/// asked for only when an officer asks to see them (<see cref="PersonalDataScope"/>): a step up, with
/// the password again, that the identity service refuses when the account does not hold the scope.
/// </summary>
public static class SignInSetup
{
    /// <summary>An authentication property: this challenge asks for the personal-data scope too.</summary>
    public const string PersonalDataScope = "pa:personal-data";

    /// <summary>Where a refused step up lands: the page the officer was on, with a note.</summary>
    public const string RefusedParameter = "refused";

    public static IServiceCollection AddOfficerSignIn(this IServiceCollection services, PortalOptions portal, string authority)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "pa-portal";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // The cookie lives as long as the token in it (set at sign-in); never longer.
                o.SlidingExpiration = false;
                o.AccessDeniedPath = "/problem/403";
                o.Events.OnValidatePrincipal = RejectExpiredToken;
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = authority;
                o.ClientId = portal.ClientId;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                // The code comes back in the query: a plain redirect, where form_post needs script in the browser.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.RequireHttpsMetadata = portal.RequireHttpsMetadata;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.TokenValidationParameters.NameClaimType = PlatformClaims.Name;
                o.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
                o.SignedOutRedirectUri = "/signed-out";
                o.Events.OnRedirectToIdentityProvider = AskForPersonalData;
                o.Events.OnTokenValidated = TakeClaimsFromAccessToken;
                o.Events.OnRemoteFailure = ExplainRefusal;
            });
        return services;
    }

    private static Task AskForPersonalData(RedirectContext context)
    {
        if (context.Properties.Items.ContainsKey(PersonalDataScope))
        {
            context.ProtocolMessage.Scope += " " + PlatformClaims.PersonalDataScope;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The officer is who the access token says: its role, region and scopes are what every service
    /// checks. The token came straight from the token endpoint over the back channel.
    /// </summary>
    private static Task TakeClaimsFromAccessToken(TokenValidatedContext context)
    {
        var accessToken = context.TokenEndpointResponse?.AccessToken;
        if (string.IsNullOrEmpty(accessToken))
        {
            context.Fail("The identity service sent no access token.");
            return Task.CompletedTask;
        }

        var token = new JsonWebTokenHandler().ReadJsonWebToken(accessToken);
        var identity = new ClaimsIdentity(
            token.Claims.Where(c => c.Type is PlatformClaims.Subject or PlatformClaims.Name or PlatformClaims.Role or PlatformClaims.Region or PlatformClaims.Scope)
                .Select(c => new Claim(c.Type, c.Value)),
            CookieAuthenticationDefaults.AuthenticationScheme, PlatformClaims.Name, PlatformClaims.Role);
        context.Principal = new ClaimsPrincipal(identity);
        context.Properties!.ExpiresUtc = token.ValidTo;
        context.Properties.IsPersistent = false;
        return Task.CompletedTask;
    }

    private static async Task RejectExpiredToken(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is not null && DateTimeOffset.TryParse(expiresAt, out var expires) && expires <= DateTimeOffset.UtcNow.AddSeconds(30))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>
    /// A refused step up (the account does not hold personal-data) or a cancelled sign-in goes back to
    /// where the officer was with a note, not to an error page.
    /// </summary>
    private static Task ExplainRefusal(RemoteFailureContext context)
    {
        var back = LocalOrStart(context.Properties?.RedirectUri);
        var reason = context.Failure?.Message.Contains("invalid_scope", StringComparison.Ordinal) == true ? "personal-data" : "sign-in";
        context.Response.Redirect(QueryString(back, RefusedParameter, reason));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    /// <summary>A path on this portal to go back to; anything else (another site, "//host") is the start page.</summary>
    public static string LocalOrStart(string? path) =>
        path is { Length: > 0 } && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) ? path : "/";

    private static string QueryString(string path, string name, string value) =>
        path + (path.Contains('?') ? "&" : "?") + name + "=" + Uri.EscapeDataString(value);
}
