using Platform.ServiceDefaults;

namespace Platform.Employment;

/// <summary>
/// How a rule class's refusal reaches the caller. The rule classes decide (a reason, or null when the
/// rule allows the change); this is the one place that answers a reason with FAILED_PRECONDITION.
/// </summary>
internal static class Refusals
{
    public static void ThrowIf(string? why)
    {
        if (why is not null)
        {
            throw RpcErrors.FailedPrecondition(why);
        }
    }
}
