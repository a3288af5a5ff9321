using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Security;

/// <summary>
/// Tells a refused caller why: a gRPC call gets status UNAUTHENTICATED with the reason as its
/// message (a trailers-only response), instead of a bare HTTP 401 that gRPC clients can only
/// report as "Bad gRPC response". The reasons name what was wrong, never the key or the token.
/// </summary>
public static class AuthenticationRefusal
{
    /// <summary>grpc-status 16.</summary>
    private const string Unauthenticated = "16";

    /// <summary>grpc-status 14.</summary>
    private const string Unavailable = "14";

    public const string MissingToken = "No bearer token: send the metadata 'authorization: Bearer <token>'.";

    /// <summary>The reason for a failed authentication; <paramref name="failure"/> is null when no bearer token came.</summary>
    public static string Reason(Exception? failure) => failure switch
    {
        null => MissingToken,
        AggregateException { InnerExceptions.Count: > 0 } e => Reason(e.InnerExceptions[0]),
        SecurityTokenExpiredException e => $"The token expired at {Utc(e.Expires)}.",
        SecurityTokenNotYetValidException e => $"The token is not valid before {Utc(e.NotBefore)}.",
        SecurityTokenNoExpirationException => "The token has no expiry time.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not the one this service trusts.",
        SecurityTokenInvalidAudienceException => "The token's audience is not this platform.",
        SecurityTokenInvalidAlgorithmException => $"The token is not signed with an accepted algorithm ({string.Join(", ", AuthenticationSetup.AcceptedAlgorithms)}).",
        // Key-not-found derives from invalid signature: both mean another key signed it, or it was altered.
        SecurityTokenSignatureKeyNotFoundException => "The token is signed with a key the identity provider does not publish.",
        SecurityTokenInvalidSignatureException => "The token's signature does not verify with the identity provider's keys (signed with another key, or altered).",
        SecurityTokenMalformedException or ArgumentException => "The bearer token is not a well-formed JWT.",
        // OnTokenValidated fails with a message written for the caller (PlatformRoles.WhyNotAllowed).
        RoleAndRegionException e => e.Message,
        CallerRevokedException e => e.Message,
        AuthorityUnavailableException e => e.Message,
        _ => "The token was refused.",
    };

    /// <summary>
    /// Answers a gRPC request's challenge with UNAUTHENTICATED and the reason; other requests
    /// (HTTP/JSON) get 401 with the reason in WWW-Authenticate's error_description and the body
    /// transcoded gRPC errors have, {"code": 16, "message": reason} (503 and 14 when no key could be read).
    /// </summary>
    public static Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        var reason = Reason(context.AuthenticateFailure);
        // No key could be read at all: the caller may retry later (UNAVAILABLE), its token was not judged.
        var status = context.AuthenticateFailure is AuthorityUnavailableException ? Unavailable : Unauthenticated;
        if (!IsGrpc(context.Request))
        {
            return JsonRefusalAsync(context, reason, status);
        }

        context.HandleResponse();
        var response = context.Response;
        // Trailers-only: the status travels in the headers of an HTTP 200 with no body, as gRPC itself does.
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status;
        response.Headers["grpc-message"] = Uri.EscapeDataString(reason);
        return Task.CompletedTask;
    }

    private static async Task JsonRefusalAsync(JwtBearerChallengeContext context, string reason, string status)
    {
        context.HandleResponse();
        var response = context.Response;
        response.StatusCode = status == Unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{reason.Replace("\"", "'", StringComparison.Ordinal)}\"";
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(JsonSerializer.Serialize(new { code = int.Parse(status, CultureInfo.InvariantCulture), message = reason, details = Array.Empty<object>() }), context.HttpContext.RequestAborted);
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true
        && !request.ContentType.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase);

    private static string Utc(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

/// <summary>A correctly signed token whose role and region do not go together.</summary>
public sealed class RoleAndRegionException(string reason) : Exception(reason);

/// <summary>A correctly signed token of a caller the identity provider disabled after issuing it.</summary>
public sealed class CallerRevokedException(string subject, DateTimeOffset since)
    : Exception($"The caller '{subject}' was disabled at {since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC; its tokens issued before then are no longer accepted.");
