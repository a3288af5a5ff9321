namespace Platform.Relocation.FollowUp;

/// <summary>
/// 产业带动: a household benefits from the leading industries of the site it lives at. Each rule
/// returns null when the link is allowed, or the reason it is not.
/// </summary>
public static class IndustryLinkRules
{
    /// <summary>A household is linked once it lives at the site, not while it is only planned there.</summary>
    public static string? CheckMovedIn(bool hasMovedIn) =>
        hasMovedIn ? null : "Only a household that moved in is linked to its site's industries.";

    /// <summary>An industry of another site does not lift this household.</summary>
    public static string? CheckSameSite(Guid industrySiteId, Guid householdSiteId, string industryName) =>
        industrySiteId == householdSiteId ? null : $"The industry {industryName} belongs to another site than the household's.";
}
