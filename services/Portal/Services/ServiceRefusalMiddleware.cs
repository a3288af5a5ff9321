using Grpc.Core;
using Microsoft.AspNetCore.Authentication;

namespace Platform.Portal.Services;

/// <summary>What a service said when it refused a page's call, for the problem page to explain.</summary>
public sealed record ServiceRefusal(StatusCode Code, string Detail);

/// <summary>
/// A service's refusal becomes a page the officer understands, with the matching HTTP status: not found
/// (also what a household outside the officer's region answers), not permitted, bad input, or a service
/// that did not answer. An expired or rejected token sends the officer to sign in again. Nothing here is
/// logged as an error: these are answers, not faults (a service that did not answer is a warning).
/// </summary>
public sealed class ServiceRefusalMiddleware(RequestDelegate next, ILogger<ServiceRefusalMiddleware> logger)
{
    public const string ProblemPath = "/problem";

    /// <summary>The page the officer asked for, kept while the problem page is shown in its place.</summary>
    public const string OriginalPathItem = "pa:original-path";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (RpcException refusal) when (!context.Response.HasStarted)
        {
            if (refusal.StatusCode == StatusCode.Unauthenticated)
            {
                await context.SignOutAsync();
                await context.ChallengeAsync(new AuthenticationProperties { RedirectUri = context.Request.Path + context.Request.QueryString });
                return;
            }

            if (refusal.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
            {
                logger.LogWarning("A service did not answer {Path}: {Code} {Detail}", context.Request.Path, refusal.StatusCode, refusal.Status.Detail);
            }

            context.Response.Clear();
            context.Response.StatusCode = StatusOf(refusal.StatusCode);
            context.Features.Set(new ServiceRefusal(refusal.StatusCode, refusal.Status.Detail));
            context.Items[OriginalPathItem] = context.Request.Path + context.Request.QueryString;
            // Run the pipeline again for the problem page, as the exception handler middleware does.
            context.SetEndpoint(null);
            context.Request.RouteValues.Clear();
            context.Request.Path = $"{ProblemPath}/{context.Response.StatusCode}";
            context.Request.QueryString = QueryString.Empty;
            context.Request.Method = HttpMethods.Get;
            await next(context);
        }
    }

    public static int StatusOf(StatusCode code) => code switch
    {
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.InvalidArgument or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.FailedPrecondition => StatusCodes.Status409Conflict,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status503ServiceUnavailable,
    };
}
