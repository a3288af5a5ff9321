using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Platform.ServiceDefaults;

/// <summary>
/// Every request message, and every message of a client or bidirectional stream, is checked
/// against its contract's field rules before the handler sees it. A bad message is answered
/// INVALID_ARGUMENT with a google.rpc.BadRequest naming each field, the same shape as the
/// handlers' own checks, so callers see one kind of error. Rules that need the database or
/// several records stay in the handlers' rule classes.
/// </summary>
public sealed class RequestValidationInterceptor(RequestValidator validator) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Validate(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Validate(request);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new ValidatingReader<TRequest>(requestStream, this), context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new ValidatingReader<TRequest>(requestStream, this), responseStream, context);

    private void Validate<T>(T message)
    {
        if (message is IMessage protobuf)
        {
            validator.Check(protobuf).ThrowIfAny();
        }
    }

    /// <summary>
    /// Checks each streamed message as the handler reads it; the handler has read (and perhaps
    /// written) the earlier ones, so a bad message ends the call there, as a handler's own check would.
    /// </summary>
    private sealed class ValidatingReader<T>(IAsyncStreamReader<T> inner, RequestValidationInterceptor owner) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken))
            {
                return false;
            }

            owner.Validate(inner.Current);
            return true;
        }
    }
}
