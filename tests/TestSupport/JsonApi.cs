using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.ServiceDefaults;

namespace Platform.Testing;

/// <summary>
/// A department system's view of a service: plain HTTP with JSON bodies (gRPC JSON transcoding),
/// through the same in-memory server as the gRPC tests.
/// </summary>
public static class JsonApi
{
    /// <summary>An HttpClient with a bearer token for the role and region (none when <paramref name="role"/> is null).</summary>
    public static HttpClient JsonClient<TProgram, TContext>(this ServiceFactory<TProgram, TContext> factory, string? role, string? region = null,
        IEnumerable<string>? scopes = null, bool personalData = false, string? purpose = null)
        where TProgram : class
        where TContext : DbContext, IMessagingDbContext
    {
        var http = factory.CreateClient();
        if (role is not null)
        {
            var token = factory.Authority.Issue(role, region!, $"json-{role}-{region}", personalData: personalData, scopes: scopes);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (purpose is not null)
        {
            http.DefaultRequestHeaders.Add(CallContextExtensions.PurposeHeader, purpose);
        }

        return http;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await BodyAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(this HttpClient http, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
        return (response.StatusCode, await BodyAsync(response));
    }

    /// <summary>The message a transcoded JSON body stands for, read as a gRPC client would have received it.</summary>
    public static T Parse<T>(JsonElement body)
        where T : IMessage<T>, new() => JsonParser.Default.Parse<T>(body.GetRawText());

    /// <summary>The fields a JSON error body names in its google.rpc.BadRequest detail (code 3 = INVALID_ARGUMENT).</summary>
    public static IReadOnlyList<string> ViolatedFields(JsonElement error)
    {
        Assert.Equal(3, error.GetProperty("code").GetInt32());
        var badRequest = Assert.Single(error.GetProperty("details").EnumerateArray(),
            d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest");
        var violations = badRequest.GetProperty("fieldViolations").EnumerateArray().ToList();
        Assert.All(violations, v => Assert.False(string.IsNullOrWhiteSpace(v.GetProperty("description").GetString())));
        return violations.Select(v => v.GetProperty("field").GetString()!).ToList();
    }

    /// <summary>The paths of the service's OpenAPI document, read without a token.</summary>
    public static async Task<IReadOnlyList<string>> OpenApiPathsAsync(HttpClient anonymous)
    {
        var (status, document) = await anonymous.GetJsonAsync(OpenApiDocument.Path);
        Assert.Equal(HttpStatusCode.OK, status);
        return document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
