using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Platform.ServiceDefaults;

/// <summary>
/// Money is summed in checked arithmetic, and request amounts are bounded by <see cref="MoneyLimits"/>,
/// so an overflow should not happen; when stored figures still add up beyond 64 bits, the call must
/// not answer UNKNOWN "OverflowException". The stored state is what cannot be computed, not the
/// request's shape, so it is FAILED_PRECONDITION. Nothing was saved: the exception left the
/// handler before its SaveChanges.
/// </summary>
public sealed class OverflowInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (OverflowException)
        {
            throw Translate();
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (OverflowException)
        {
            throw Translate();
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (OverflowException)
        {
            throw Translate();
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (OverflowException)
        {
            throw Translate();
        }
    }

    private static RpcException Translate() =>
        RpcErrors.FailedPrecondition("The amounts involved add up beyond what can be computed exactly; correct the recorded figures first.");
}
