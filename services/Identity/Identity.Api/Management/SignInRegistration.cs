using Pa.Identity.V1;
using Platform.Identity.Accounts;
using Platform.ServiceDefaults;

namespace Platform.Identity.Management;

/// <summary>
/// The sign-in part of a client registration: its redirect URIs, checked as OpenIddict will match
/// them (exactly, so absolute, http or https, without a fragment). Null for a department client.
/// </summary>
internal static class SignInRegistration
{
    public static SignInClient? Read(RegisterClientRequest request, FieldViolations violations)
    {
        if (request.RedirectUris.Count == 0)
        {
            violations.Check(request.PostLogoutRedirectUris.Count == 0, "post_logout_redirect_uris", "is only for a sign-in client: give redirect_uris too");
            return null;
        }

        // A sign-in client's tokens carry the officer's scopes; scopes of its own would be ignored.
        violations.Check(request.Scopes.Count == 0, "scopes", "must be empty for a sign-in client: its tokens carry the signed-in officer's scopes");
        var redirects = Uris(request.RedirectUris, "redirect_uris", violations);
        var signedOut = Uris(request.PostLogoutRedirectUris, "post_logout_redirect_uris", violations);
        return new SignInClient(redirects, signedOut);
    }

    private static List<Uri> Uris(IEnumerable<string> values, string field, FieldViolations violations)
    {
        var uris = new List<Uri>();
        foreach (var (value, i) in values.Select((v, i) => (v, i)))
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Fragment.Length == 0)
            {
                uris.Add(uri);
            }
            else
            {
                violations.Add($"{field}[{i}]", "must be an absolute http or https URI without a fragment");
            }
        }

        return uris;
    }
}
