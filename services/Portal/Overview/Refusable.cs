using Grpc.Core;

namespace Platform.Portal.Overview;

/// <summary>
/// A figure the services may refuse to the officer's role. The page shows "—" with a note for a
/// refused figure rather than failing: the other figures still help. Every other refusal
/// (NOT_FOUND for a region outside the officer's, UNAVAILABLE…) propagates to the problem page.
/// </summary>
public sealed record Refusable<T>(T? Value, string? Refusal)
{
    public bool Refused => Refusal is not null;

    public static async Task<Refusable<T>> RunAsync(Func<Task<T>> call)
    {
        try
        {
            return new Refusable<T>(await call(), null);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
        {
            return new Refusable<T>(default, e.Status.Detail);
        }
    }
}
