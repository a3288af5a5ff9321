using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Security;

namespace Platform.ServiceDefaults;

/// <summary>Server-side limits for every platform gRPC service ("Grpc" section).</summary>
public sealed class GrpcLimits
{
    public const string Section = "Grpc";

    public int MaxReceiveMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>A call without a deadline, or with a longer one, is cut off after this.</summary>
    public TimeSpan MaxCallDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Streaming calls (bulk imports) get a longer cap.</summary>
    public TimeSpan MaxStreamingCallDuration { get; set; } = TimeSpan.FromMinutes(30);
}

public static class GrpcDefaults
{
    /// <summary>gRPC (and its HTTP/JSON transcoding, with an OpenAPI document) with limits, the deadline cap, overflow as FAILED_PRECONDITION, the callers each RPC admits, request validation, health, reflection, and JWT authentication.</summary>
    public static IHostApplicationBuilder AddPlatformGrpc(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(GrpcLimits.Section).Get<GrpcLimits>() ?? new GrpcLimits();
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton(RequestValidator.Shared);
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = limits.MaxReceiveMessageBytes;
            o.EnableDetailedErrors = builder.Environment.IsDevelopment();
            o.Interceptors.Add<HandlerExceptionInterceptor>();
            o.Interceptors.Add<CallerInterceptor>();
            o.Interceptors.Add<RequestValidationInterceptor>();
        })
            // HTTP/JSON runs the same interceptors; an error's details are packed in Any, so the JSON
            // writer must know BadRequest to write its field violations into the error body.
            .AddJsonTranscoding(o => o.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor));
        builder.Services.AddPlatformOpenApi(builder.Environment.ApplicationName);
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("", r => r.Tags.Contains(ServiceDefaultsExtensions.ReadyTag) || r.Tags.Contains(ServiceDefaultsExtensions.LiveTag)));
        builder.Services.AddGrpcReflection();
        builder.Services.AddPlatformAuthentication(builder.Configuration);
        return builder;
    }

    /// <summary>The gRPC health service (open to probes), reflection and the OpenAPI document (open: contracts are public).</summary>
    public static WebApplication MapPlatformGrpcEndpoints(this WebApplication app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapPlatformOpenApi();
        return app;
    }

    /// <summary>The deadline cap, then authentication and authorization, in that order.</summary>
    public static WebApplication UsePlatformSecurity(this WebApplication app)
    {
        app.UseRouting();
        app.UseMiddleware<DeadlineCapMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
