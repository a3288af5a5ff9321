using Platform.ServiceDefaults;

namespace Platform.Relocation;

/// <summary>
/// The one way a relocation call answers a domain rule's refusal: the request is well-formed but
/// the records' state does not allow it, which gRPC calls FAILED_PRECONDITION. The rules themselves
/// (PlacementRules, RelocationProgress, SiteCapacity, IndustryLinkRules, CaseRules) are pure and
/// return the reason, or null when the change is allowed.
/// </summary>
public static class Refusal
{
    public static void ThrowIf(string? reason)
    {
        if (reason is not null)
        {
            throw RpcErrors.FailedPrecondition(reason);
        }
    }
}
