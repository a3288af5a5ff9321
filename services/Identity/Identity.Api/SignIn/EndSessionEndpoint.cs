using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Platform.Identity.SignIn;

/// <summary>
/// The end-session endpoint ({issuer}/connect/endsession): the service keeps no sign-in session, so
/// signing out only sends the browser on to the post-logout redirect URI, which OpenIddict has checked
/// against those registered for the client.
/// </summary>
public static class EndSessionEndpoint
{
    public const string Path = "connect/endsession";

    public static IResult EndSession() => Results.SignOut(
        new AuthenticationProperties { RedirectUri = "/" },
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
