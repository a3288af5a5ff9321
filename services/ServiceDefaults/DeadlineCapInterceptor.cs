using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Platform.ServiceDefaults;

/// <summary>
/// A client that sends no deadline (or a very long one) must not tie up the server forever:
/// the handler sees a cancellation token that fires at the cap, and the call ends DeadlineExceeded.
/// </summary>
public sealed class DeadlineCapInterceptor(GrpcLimits limits, TimeProvider time) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        Capped(context, limits.MaxCallDuration, capped => continuation(request, capped));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        Capped(context, limits.MaxStreamingCallDuration, capped => continuation(requestStream, capped));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        Capped(context, limits.MaxStreamingCallDuration, async capped =>
        {
            await continuation(request, responseStream, capped);
            return true;
        });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        Capped(context, limits.MaxStreamingCallDuration, async capped =>
        {
            await continuation(requestStream, responseStream, capped);
            return true;
        });

    private async Task<T> Capped<T>(ServerCallContext context, TimeSpan cap, Func<ServerCallContext, Task<T>> handler)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var capDeadline = now + cap;
        if (context.Deadline <= capDeadline)
        {
            return await handler(context);
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        cts.CancelAfter(cap);
        try
        {
            return await handler(new CappedServerCallContext(context, capDeadline, cts.Token));
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"The call exceeded the server's limit of {cap.TotalSeconds:0} s."));
        }
    }

    /// <summary>The original context with a shorter deadline and its cancellation token.</summary>
    private sealed class CappedServerCallContext(ServerCallContext inner, DateTime deadline, CancellationToken token) : ServerCallContext
    {
        protected override string MethodCore => inner.Method;
        protected override string HostCore => inner.Host;
        protected override string PeerCore => inner.Peer;
        protected override DateTime DeadlineCore => deadline;
        protected override Metadata RequestHeadersCore => inner.RequestHeaders;
        protected override CancellationToken CancellationTokenCore => token;
        protected override Metadata ResponseTrailersCore => inner.ResponseTrailers;
        protected override Status StatusCore { get => inner.Status; set => inner.Status = value; }
        protected override WriteOptions? WriteOptionsCore { get => inner.WriteOptions; set => inner.WriteOptions = value; }
        protected override AuthContext AuthContextCore => inner.AuthContext;
        protected override IDictionary<object, object> UserStateCore => inner.UserState;

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => inner.CreatePropagationToken(options);

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => inner.WriteResponseHeadersAsync(responseHeaders);
    }
}
