using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Platform.ServiceDefaults;

/// <summary>
/// A handler cut off by its call's deadline (or by the client going away) throws
/// OperationCanceledException from wherever it was waiting, often the database. Left alone, that
/// reached the client as UNKNOWN "Exception was thrown by handler" when the exception won the race
/// with grpc-dotnet's own deadline handling. Here it becomes DEADLINE_EXCEEDED or CANCELLED.
/// A cancellation the call did not ask for (a bug, a shutdown) still surfaces as it is.
/// </summary>
public sealed class CallCancellationInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        Guard(() => continuation(request, context), context);

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        Guard(() => continuation(requestStream, context), context);

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        Guard(async () => { await continuation(request, responseStream, context); return true; }, context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        Guard(async () => { await continuation(requestStream, responseStream, context); return true; }, context);

    /// <summary>The status for a call whose own token was cancelled: its deadline passed, or the client cancelled.</summary>
    public static RpcException Translate(ServerCallContext context) => context.Deadline <= DateTime.UtcNow
        ? new RpcException(new Status(StatusCode.DeadlineExceeded, "The call's deadline passed before the work was done."))
        : new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled by the client."));

    private static async Task<T> Guard<T>(Func<Task<T>> handler, ServerCallContext context)
    {
        try
        {
            return await handler();
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw Translate(context);
        }
    }
}
