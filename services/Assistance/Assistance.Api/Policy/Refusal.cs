using Platform.ServiceDefaults;

namespace Platform.Assistance.Policy;

/// <summary>
/// How a handler answers a business rule that refuses a request: FAILED_PRECONDITION carrying the
/// rule's reason. The rules are plain classes that return the reason, or null when the request may
/// go ahead, so they are tested without gRPC and the handlers only authorise, load, ask and save.
/// </summary>
public static class Refusal
{
    /// <param name="reason">The rule's answer; null lets the request go ahead.</param>
    /// <param name="what">Put before a reason that is not a sentence of its own, e.g. "The project cannot move on".</param>
    public static void ThrowIf(string? reason, string? what = null)
    {
        if (reason is not null)
        {
            throw RpcErrors.FailedPrecondition(what is null ? reason : $"{what}: {reason}.");
        }
    }
}
