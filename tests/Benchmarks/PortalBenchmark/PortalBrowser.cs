using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Platform.Benchmarks.Portal;

/// <summary>One page as the browser ended up with it (after redirects).</summary>
public sealed record PageAnswer(HttpStatusCode Status, Uri Url, string Html, long Bytes);

/// <summary>
/// A minimal browser over HttpClient: a cookie container and redirects followed by hand. By hand, because
/// the portal's sign-in cookies (OIDC correlation and nonce, SameSite=None) are Secure, and a browser sends
/// Secure cookies to http://localhost (a secure context) while HttpClient's CookieContainer never sends
/// them over http; so for loopback hosts the cookies are stored without the Secure flag.
/// </summary>
public sealed partial class PortalBrowser : IDisposable
{
    private const int MaxRedirects = 10;

    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http;

    public PortalBrowser(TimeSpan timeout)
    {
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = timeout };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        _http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
    }

    public Task<PageAnswer> GetAsync(Uri url, CancellationToken ct) => SendAsync(HttpMethod.Get, url, null, ct);

    /// <summary>Sends a request and follows redirects (a POST's redirect becomes a GET, as browsers do).</summary>
    public async Task<PageAnswer> SendAsync(HttpMethod method, Uri url, HttpContent? content, CancellationToken ct)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            var cookie = _cookies.GetCookieHeader(url);
            if (cookie.Length > 0)
            {
                request.Headers.Add("Cookie", cookie);
            }

            using var response = await _http.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var header in setCookies)
                {
                    _cookies.SetCookies(url, header);
                }

                if (url.IsLoopback)
                {
                    foreach (Cookie c in _cookies.GetAllCookies())
                    {
                        c.Secure = false;
                    }
                }
            }

            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location && hop < MaxRedirects)
            {
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                if (response.StatusCode is not (HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect))
                {
                    method = HttpMethod.Get;
                    content = null;
                }

                continue;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            return new PageAnswer(response.StatusCode, url, System.Text.Encoding.UTF8.GetString(bytes), bytes.Length);
        }
    }

    /// <summary>
    /// Signs in as a person would: the portal sends an anonymous visitor to the identity service's sign-in
    /// form; the form is posted back with its hidden fields (the OIDC request) and the officer's user name and
    /// password; the redirects end on the portal with its session cookie. Returns the page landed on.
    /// </summary>
    public async Task<PageAnswer> SignInAsync(Uri portal, string user, string password, CancellationToken ct)
    {
        var form = await GetAsync(new Uri(portal, "/"), ct);
        var action = FormAction().Match(form.Html);
        if (form.Status != HttpStatusCode.OK || !action.Success || !form.Html.Contains("name=\"password\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"No sign-in form at {form.Url} ({(int)form.Status}).");
        }

        var fields = HiddenField().Matches(form.Html)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .Append(KeyValuePair.Create("username", user))
            .Append(KeyValuePair.Create("password", password))
            .ToList();
        var target = new Uri(form.Url, WebUtility.HtmlDecode(action.Groups["action"].Value));
        var landed = await SendAsync(HttpMethod.Post, target, new FormUrlEncodedContent(fields), ct);
        if (landed.Url.Authority != portal.Authority || landed.Url.Query.Contains("refused=sign-in", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in as {user} did not come back signed in (ended at {landed.Url}, {(int)landed.Status}); check the user name and password.");
        }

        return landed;
    }

    /// <summary>Where the portal sends the signed-in officer from "/" (their own region's page), without following.</summary>
    public async Task<Uri?> StartPageAsync(Uri portal, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(portal, "/"));
        request.Headers.Add("Cookie", _cookies.GetCookieHeader(portal));
        using var response = await _http.SendAsync(request, ct);
        return response.Headers.Location is { } location ? new Uri(portal, location) : null;
    }

    public void Dispose() => _http.Dispose();

    // The identity's sign-in page has one form: the one that posts the credentials.
    [GeneratedRegex("""<form\b[^>]*\baction="(?<action>[^"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenField();
}
