using Grpc.Core;

namespace Platform.Testing;

/// <summary>Client-streaming calls as a careful client makes them.</summary>
public static class ClientStreams
{
    /// <summary>
    /// Writes every message, completes the stream and returns the response. When the server ends the
    /// call early (e.g. PermissionDenied before it reads a row), a write fails with a bare cancellation;
    /// the response then carries the server's real status, which is what is thrown.
    /// </summary>
    public static async Task<TResponse> SendAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, IEnumerable<TRequest> messages)
    {
        try
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException)
        {
            // Fall through to the response: it holds the status the server ended the call with.
        }

        return await call.ResponseAsync;
    }
}
