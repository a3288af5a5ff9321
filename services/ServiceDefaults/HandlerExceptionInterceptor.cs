using Grpc.Core;
using Grpc.Core.Interceptors;
using Platform.Persistence;

namespace Platform.ServiceDefaults;

/// <summary>
/// The exceptions a handler may throw that are not its own RpcException, turned into the status
/// they mean instead of UNKNOWN "Exception was thrown by handler":
/// <list type="bullet">
/// <item>A handler cut off by its call's deadline (or by the client going away) throws
/// OperationCanceledException from wherever it was waiting, often the database; it becomes
/// DEADLINE_EXCEEDED or CANCELLED. A cancellation the call did not ask for (a bug, a shutdown)
/// still surfaces as it is.</item>
/// <item>Money is summed in checked arithmetic and request amounts are bounded by
/// <see cref="MoneyLimits"/>, so an overflow should not happen; when stored figures still add up
/// beyond 64 bits, the stored state is what cannot be computed, not the request's shape, so it is
/// FAILED_PRECONDITION. Nothing was saved: the exception left the handler before its SaveChanges.</item>
/// <item>A save that lost a race to another officer or replica (a concurrency token that moved, a
/// PostgreSQL deadlock or serialization failure, however the provider wrapped it) is ABORTED: read
/// again and retry. Handlers that can say which record moved catch it first with a better message;
/// this is the floor, so no lost race ever answers UNKNOWN. The transaction rolled back.</item>
/// </list>
/// </summary>
public sealed class HandlerExceptionInterceptor : Interceptor
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
        catch (Exception e) when (e is not RpcException && e.IsConcurrencyConflict())
        {
            throw RpcErrors.Aborted("The record was changed by someone else at the same time; read it again and retry.");
        }
        catch (OverflowException)
        {
            throw RpcErrors.FailedPrecondition("The amounts involved add up beyond what can be computed exactly; correct the recorded figures first.");
        }
    }
}
