using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Security;

/// <summary>
/// The standard OAuth 2.0 token request (RFC 6749 §4.3 password, §4.4 client credentials) to an
/// issuer's token endpoint, for the command line, the AppHost's dashboard commands and tests: what
/// any department system would send, nothing platform-specific.
/// </summary>
public static class TokenRequest
{
    public static Task<string> ForOfficerAsync(HttpClient http, string authority, string userName, string password, IEnumerable<string>? scopes = null, CancellationToken cancel = default) =>
        RequestAsync(http, authority, [("grant_type", "password"), ("username", userName), ("password", password), .. Scope(scopes)], cancel);

    public static Task<string> ForClientAsync(HttpClient http, string authority, string clientId, string secret, IEnumerable<string>? scopes = null, CancellationToken cancel = default) =>
        RequestAsync(http, authority, [("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), .. Scope(scopes)], cancel);

    private static (string, string)[] Scope(IEnumerable<string>? scopes) =>
        scopes?.ToList() is { Count: > 0 } list ? [("scope", string.Join(' ', list))] : [];

    private static async Task<string> RequestAsync(HttpClient http, string authority, (string Name, string Value)[] form, CancellationToken cancel)
    {
        var endpoint = authority.TrimEnd('/') + "/connect/token";
        using var reply = await http.PostAsync(endpoint, new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))), cancel);
        var body = await reply.Content.ReadFromJsonAsync<JsonElement>(cancel);
        if (reply.IsSuccessStatusCode && body.TryGetProperty("access_token", out var token))
        {
            return token.GetString()!;
        }

        var error = body.TryGetProperty("error", out var e) ? e.GetString() : reply.StatusCode.ToString();
        var description = body.TryGetProperty("error_description", out var d) ? d.GetString() : null;
        throw new TokenRequestException($"{endpoint} refused the token request: {error}{(description is null ? "" : $" ({description})")}");
    }
}

public sealed class TokenRequestException(string message) : Exception(message);
