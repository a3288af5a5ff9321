using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pa.Identity.V1;
using Platform.Security;

namespace Platform.Identity.Tests;

/// <summary>
/// An officer signs in to the portal: the authorization code flow with PKCE, through the sign-in page,
/// as a browser would walk it (every redirect looked at, none followed).
/// </summary>
public sealed partial class CodeFlowTests(IdentityFactory identity) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task An_officer_signs_in_and_the_portal_redeems_the_code_for_the_officers_token()
    {
        var pkce = Pkce.New();
        var page = await AuthorizeAsync(identity, pkce, scope: "openid personal-data");
        Assert.Contains("lang=\"zh-CN\"", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"username\">用户名", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);

        var (code, state) = await SignInAsync(identity, page, "county-officer", IdentityFactory.OfficerPassword);
        Assert.Equal("state-1", state);
        var (status, body) = await RedeemAsync(identity, code, pkce.Verifier);

        Assert.Equal(200, status);
        var token = new JsonWebTokenHandler().ReadJsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal("county-officer", token.Subject);
        Assert.Equal(PlatformRoles.CountyOfficer, token.GetClaim(PlatformClaims.Role).Value);
        Assert.Equal(IdentityFactory.County, token.GetClaim(PlatformClaims.Region).Value);
        Assert.Contains("personal-data", Scopes(token));
        Assert.Equal(["pa-platform"], token.Audiences);
        Assert.True(body.TryGetProperty("id_token", out _), "openid was asked for: an identity token too");
    }

    [Fact]
    public async Task Personal_data_is_in_the_portals_token_only_when_asked_for()
    {
        var pkce = Pkce.New();
        var (code, _) = await SignInAsync(identity, await AuthorizeAsync(identity, pkce, scope: "openid"), "county-officer", IdentityFactory.OfficerPassword);

        var (_, body) = await RedeemAsync(identity, code, pkce.Verifier);

        Assert.DoesNotContain("personal-data", Scopes(new JsonWebTokenHandler().ReadJsonWebToken(body.GetProperty("access_token").GetString())));
    }

    [Fact]
    public async Task A_code_is_redeemed_only_with_its_verifier_and_only_once()
    {
        var pkce = Pkce.New();
        var (code, _) = await SignInAsync(identity, await AuthorizeAsync(identity, pkce), "county-officer", IdentityFactory.OfficerPassword);

        var (wrong, body) = await RedeemAsync(identity, code, Pkce.New().Verifier);

        Assert.Equal(400, wrong);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        var (right, _) = await RedeemAsync(identity, code, pkce.Verifier);
        Assert.Equal(200, right);
        var (again, _) = await RedeemAsync(identity, code, pkce.Verifier);
        Assert.Equal(400, again);
    }

    [Fact]
    public async Task An_authorization_without_a_S256_challenge_is_refused()
    {
        using var browser = Browser(identity);

        using var none = await browser.GetAsync(AuthorizeUri(IdentityFactory.PortalRedirectUri, "openid", challenge: null));
        using var plain = await browser.GetAsync(AuthorizeUri(IdentityFactory.PortalRedirectUri, "openid", challenge: "plain-challenge-0123456789012345678901234567", method: "plain"));

        foreach (var reply in new[] { none, plain })
        {
            // Refused either on the spot or back at the portal with an error; never a sign-in page or a code.
            var error = reply.Headers.Location is { } back ? QueryHelpers.ParseQuery(back.Query)["error"].ToString() : null;
            Assert.True(reply.StatusCode == HttpStatusCode.BadRequest || error == "invalid_request", $"answered {reply.StatusCode} {reply.Headers.Location}");
        }
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_refused_without_redirecting()
    {
        using var browser = Browser(identity);

        using var reply = await browser.GetAsync(AuthorizeUri("https://portal.test/elsewhere", "openid", Pkce.New().Challenge));

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Null(reply.Headers.Location);
    }

    [Theory]
    [InlineData("county-officer", "wrong-password-1")]
    [InlineData("nobody", IdentityFactory.OfficerPassword)]
    public async Task A_wrong_name_or_password_shows_the_form_again_with_the_same_refusal(string user, string password)
    {
        var page = await AuthorizeAsync(identity, Pkce.New());
        using var browser = Browser(identity);

        using var reply = await browser.PostAsync("/connect/authorize", Form(page, user, password));

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Null(reply.Headers.Location);
        var again = await reply.Content.ReadAsStringAsync();
        Assert.Contains("The user name or password is not correct.", WebUtility.HtmlDecode(again), StringComparison.Ordinal);
        Assert.Contains("name=\"code_challenge\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain(password, again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_officer_cannot_sign_in()
    {
        var call = IdentityFactory.With(await identity.OperatorTokenAsync());
        await identity.Management.RegisterOfficerAsync(new RegisterOfficerRequest
        {
            UserName = "left-county", DisplayName = "调离干部", Role = PlatformRoles.CountyOfficer, RegionCode = IdentityFactory.County, Password = "left-county-pass",
        }, call);
        await identity.Management.DisableOfficerAsync(new DisableOfficerRequest { UserName = "left-county" }, call);
        var page = await AuthorizeAsync(identity, Pkce.New());
        using var browser = Browser(identity);

        using var reply = await browser.PostAsync("/connect/authorize", Form(page, "left-county", "left-county-pass"));

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Contains("The officer's account is disabled.", WebUtility.HtmlDecode(await reply.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_portal_gets_no_sign_in_and_its_codes_are_not_redeemed()
    {
        await using var own = new IdentityFactory();
        var pkce = Pkce.New();
        var (code, _) = await SignInAsync(own, await AuthorizeAsync(own, pkce), "county-officer", IdentityFactory.OfficerPassword);
        await own.Management.DisableClientAsync(new DisableClientRequest { ClientId = "portal" }, IdentityFactory.With(await own.OperatorTokenAsync()));
        using var browser = Browser(own);

        using var authorize = await browser.GetAsync(AuthorizeUri(IdentityFactory.PortalRedirectUri, "openid", pkce.Challenge));
        var (redeem, body) = await RedeemAsync(own, code, pkce.Verifier);

        Assert.Equal("unauthorized_client", QueryHelpers.ParseQuery(authorize.Headers.Location?.Query)["error"].ToString());
        Assert.Equal(401, redeem);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_code_issued_by_one_replica_is_redeemed_by_another()
    {
        var pkce = Pkce.New();
        var (code, _) = await SignInAsync(identity, await AuthorizeAsync(identity, pkce), "county-officer", IdentityFactory.OfficerPassword);
        await using var replica = identity.Replica();

        var (status, body) = await RedeemAsync(replica, code, pkce.Verifier);

        Assert.True(status == 200, $"the replica answered {status}: {body}");
        Assert.Equal("county-officer", new JsonWebTokenHandler().ReadJsonWebToken(body.GetProperty("access_token").GetString()).Subject);
    }

    [Fact]
    public async Task Signing_out_sends_the_browser_to_the_registered_post_logout_uri_only()
    {
        using var browser = Browser(identity);

        using var registered = await browser.GetAsync(
            $"/connect/endsession?client_id=portal&post_logout_redirect_uri={Uri.EscapeDataString(IdentityFactory.PortalSignedOutUri)}&state=bye");
        using var other = await browser.GetAsync(
            $"/connect/endsession?client_id=portal&post_logout_redirect_uri={Uri.EscapeDataString("https://evil.test/")}");

        Assert.Equal(HttpStatusCode.Found, registered.StatusCode);
        Assert.StartsWith(IdentityFactory.PortalSignedOutUri, registered.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("bye", QueryHelpers.ParseQuery(registered.Headers.Location.Query)["state"].ToString());
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task A_portal_registered_over_grpc_signs_officers_in_at_its_own_redirect_uri_only()
    {
        await using var own = new IdentityFactory();
        const string redirect = "https://portal.city-a.test/signin-oidc";
        var registered = await own.Management.RegisterClientAsync(new RegisterClientRequest
        {
            ClientId = "portal-city-a", DisplayName = "六安市门户", RegionCode = IdentityFactory.County,
            RedirectUris = { redirect }, PostLogoutRedirectUris = { "https://portal.city-a.test/signed-out" },
        }, IdentityFactory.With(await own.OperatorTokenAsync()));
        Assert.Equal("", registered.ClientSecret);
        var listed = (await own.Management.ListClientsAsync(new ListClientsRequest(), IdentityFactory.With(await own.OperatorTokenAsync()))).Clients;
        Assert.Equal([redirect], listed.Single(c => c.ClientId == "portal-city-a").RedirectUris);
        Assert.Equal(["https://portal.city-a.test/signed-out"], listed.Single(c => c.ClientId == "portal-city-a").PostLogoutRedirectUris);
        Assert.Empty(listed.Single(c => c.ClientId == "water-department").RedirectUris);

        var pkce = Pkce.New();
        var page = await AuthorizeAsync(own, pkce, clientId: "portal-city-a", redirectUri: redirect);
        var (code, _) = await SignInAsync(own, page, "county-officer", IdentityFactory.OfficerPassword, redirect);
        var (status, body) = await RedeemAsync(own, code, pkce.Verifier, "portal-city-a", redirect);
        using var browser = Browser(own);
        using var elsewhere = await browser.GetAsync(AuthorizeUri(IdentityFactory.PortalRedirectUri, "openid", Pkce.New().Challenge, clientId: "portal-city-a"));
        using var signedOut = await browser.GetAsync("/connect/endsession?client_id=portal-city-a&post_logout_redirect_uri=" + Uri.EscapeDataString("https://portal.city-a.test/signed-out"));

        Assert.True(status == 200, $"redeem answered {status}: {body}");
        Assert.Equal("county-officer", new JsonWebTokenHandler().ReadJsonWebToken(body.GetProperty("access_token").GetString()).Subject);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Found, signedOut.StatusCode);
        // A sign-in client cannot use the department grant: it has no secret and no such permission.
        var (credentials, _) = await own.RequestTokenAsync(("grant_type", "client_credentials"), ("client_id", "portal-city-a"));
        Assert.NotEqual(200, credentials);
    }

    [Fact]
    public async Task A_sign_in_registration_names_each_bad_uri_and_takes_no_scopes()
    {
        var call = IdentityFactory.With(await identity.OperatorTokenAsync());

        var bad = await RpcAssert.FailsAsync(Grpc.Core.StatusCode.InvalidArgument, identity.Management.RegisterClientAsync(new RegisterClientRequest
        {
            ClientId = "portal-bad", DisplayName = "门户", RegionCode = IdentityFactory.County, Scopes = { "personal-data" },
            RedirectUris = { "https://portal.test/signin-oidc", "/relative", "ftp://portal.test/x", "https://portal.test/a#frag" },
        }, call));
        var logoutAlone = await RpcAssert.FailsAsync(Grpc.Core.StatusCode.InvalidArgument, identity.Management.RegisterClientAsync(new RegisterClientRequest
        {
            ClientId = "portal-bad", DisplayName = "门户", RegionCode = IdentityFactory.County, PostLogoutRedirectUris = { "https://portal.test/out" },
        }, call));

        Assert.Equal(["scopes", "redirect_uris[1]", "redirect_uris[2]", "redirect_uris[3]"], RpcAssert.InvalidFields(bad));
        Assert.Equal(["post_logout_redirect_uris"], RpcAssert.InvalidFields(logoutAlone));
        var listed = await identity.Management.ListClientsAsync(new ListClientsRequest(), call);
        Assert.DoesNotContain(listed.Clients, c => c.ClientId == "portal-bad");
    }

    [Fact]
    public async Task The_discovery_document_names_the_authorization_and_end_session_endpoints_and_S256()
    {
        using var http = identity.CreateClient();
        var discovery = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/.well-known/openid-configuration");

        Assert.Equal("http://localhost/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://localhost/connect/endsession", discovery.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    private static HttpClient Browser(IdentityFactory factory) => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string AuthorizeUri(string redirectUri, string scope, string? challenge, string method = "S256", string clientId = "portal")
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = "state-1",
        };
        if (challenge is not null)
        {
            (query["code_challenge"], query["code_challenge_method"]) = (challenge, method);
        }

        return QueryHelpers.AddQueryString("/connect/authorize", query);
    }

    /// <summary>The sign-in page of a new authorization.</summary>
    private static async Task<string> AuthorizeAsync(IdentityFactory factory, Pkce pkce, string scope = "openid", string clientId = "portal", string redirectUri = IdentityFactory.PortalRedirectUri)
    {
        using var browser = Browser(factory);
        using var reply = await browser.GetAsync(AuthorizeUri(redirectUri, scope, pkce.Challenge, clientId: clientId));
        var page = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, $"authorize answered {reply.StatusCode}: {page}");
        return page;
    }

    /// <summary>Posts the page's form with the credentials; the code and state the browser is sent back with.</summary>
    private static async Task<(string Code, string State)> SignInAsync(IdentityFactory factory, string page, string user, string password, string redirectUri = IdentityFactory.PortalRedirectUri)
    {
        using var browser = Browser(factory);
        using var reply = await browser.PostAsync("/connect/authorize", Form(page, user, password));
        Assert.True(reply.StatusCode == HttpStatusCode.Found, $"sign-in answered {reply.StatusCode}: {await reply.Content.ReadAsStringAsync()}");
        var location = reply.Headers.Location!;
        Assert.StartsWith(redirectUri + "?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        return (query["code"].ToString(), query["state"].ToString());
    }

    private static Task<(int Status, System.Text.Json.JsonElement Body)> RedeemAsync(IdentityFactory factory, string code, string verifier, string clientId = "portal", string redirectUri = IdentityFactory.PortalRedirectUri) =>
        factory.RequestTokenAsync(
            ("grant_type", "authorization_code"), ("client_id", clientId), ("code", code),
            ("redirect_uri", redirectUri), ("code_verifier", verifier));

    /// <summary>The form as a browser submits it: the page's hidden fields and the credentials typed in.</summary>
    private static FormUrlEncodedContent Form(string page, string user, string password)
    {
        var fields = HiddenField().Matches(page)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Append(KeyValuePair.Create("username", user))
            .Append(KeyValuePair.Create("password", password));
        return new FormUrlEncodedContent(fields);
    }

    private static string[] Scopes(JsonWebToken token) => token.Claims.Where(c => c.Type == PlatformClaims.Scope)
        .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();

    private sealed record Pkce(string Verifier, string Challenge)
    {
        public static Pkce New()
        {
            var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
            return new Pkce(verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        }
    }
}
