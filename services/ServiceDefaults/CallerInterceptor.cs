using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults;

/// <summary>
/// Resolves the caller once per call and admits it only if the handler's <see cref="AllowAttribute"/>
/// names its role. Runs before request validation, so a role that may not call an RPC learns
/// nothing about its rules. An RPC of ours without the attribute is refused for everyone: forgetting
/// to declare who may call fails closed, and the cross-cutting walk names it. Endpoints mapped as
/// anonymous (health, reflection) pass through.
/// </summary>
public sealed class CallerInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, responseStream, context);
    }

    private static void Admit(ServerCallContext context)
    {
        var metadata = context.GetHttpContext().GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<IAllowAnonymous>() is not null)
        {
            return;
        }

        var allow = metadata?.GetMetadata<AllowAttribute>()
            ?? throw RpcErrors.PermissionDenied($"{context.Method} declares no callers, so it admits none.");
        var caller = context.GetCaller();
        if (!allow.Admits(caller.Role))
        {
            throw RpcErrors.PermissionDenied($"The role {caller.Role} may not {allow.Action}; {string.Join(", ", RoleFlags.Names(allow.Roles))} may.");
        }
    }
}
