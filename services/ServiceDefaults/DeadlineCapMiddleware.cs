using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults;

/// <summary>
/// A client that sends no deadline (or a very long one) must not tie up the server forever. Before
/// the gRPC endpoint runs, the request's grpc-timeout header is lowered to the cap, so grpc-dotnet
/// itself cancels the handler and answers DeadlineExceeded.
/// </summary>
public sealed class DeadlineCapMiddleware(RequestDelegate next, GrpcLimits limits)
{
    private const string TimeoutHeader = "grpc-timeout";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc)
        {
            var cap = grpc.Method.Type == MethodType.Unary ? limits.MaxCallDuration : limits.MaxStreamingCallDuration;
            if (!TryParseTimeout(context.Request.Headers[TimeoutHeader].ToString(), out var requested) || requested > cap)
            {
                context.Request.Headers[TimeoutHeader] = $"{(long)cap.TotalMilliseconds}m";
            }
        }

        return next(context);
    }

    /// <summary>Reads a grpc-timeout value: up to 8 digits and a unit (H, M, S, m, u, n).</summary>
    public static bool TryParseTimeout(string header, out TimeSpan timeout)
    {
        timeout = default;
        if (header.Length is < 2 or > 9 || !long.TryParse(header.AsSpan(0, header.Length - 1), out var value) || value < 0)
        {
            return false;
        }

        TimeSpan? parsed = header[^1] switch
        {
            'H' => TimeSpan.FromHours(value),
            'M' => TimeSpan.FromMinutes(value),
            'S' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMilliseconds(value),
            'u' => TimeSpan.FromTicks(value * 10),
            'n' => TimeSpan.FromTicks(value / 100),
            _ => null,
        };
        timeout = parsed ?? default;
        return parsed is not null;
    }
}
