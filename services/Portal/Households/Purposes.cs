using Platform.Portal.Text;

namespace Platform.Portal.Households;

/// <summary>
/// Why an officer opens a household file. The URL carries a short code (?purpose=verification); every
/// service call of the file carries <see cref="Purpose.Audit"/> in x-access-purpose, which the services
/// keep verbatim in their audit trail. gRPC metadata must be ASCII (HTTP/2 header values), so the audit
/// text is the English words, prefixed with "portal" so an auditor sees where the read came from.
/// </summary>
public static class Purposes
{
    public sealed record Purpose(string Code, string Chinese, string English)
    {
        public string Label => Lang.Pick(Chinese, English);

        /// <summary>What the audit trail records, e.g. "portal: help visit".</summary>
        public string Audit => $"portal: {English.ToLowerInvariant()}";
    }

    public static readonly IReadOnlyList<Purpose> All =
    [
        new("help-visit", "帮扶走访", "Help visit"),
        new("adjustment", "动态调整", "Dynamic adjustment"),
        new("verification", "核查核实", "Verification"),
        new("audit", "审计检查", "Audit"),
        new("other", "其他", "Other"),
    ];

    /// <summary>The purpose a code names; null for an unknown or missing code (the form is shown again).</summary>
    public static Purpose? Find(string? code) => All.FirstOrDefault(p => p.Code == code);
}
