using Platform.Relocation.Plans;

namespace Platform.Relocation.Sites;

/// <summary>A site's capacity is a promise to the households planned into it: it may shrink, but never below them.</summary>
public static class SiteCapacity
{
    /// <summary>Null when the new capacity still holds every household and person planned or living there, else the reason.</summary>
    public static string? CheckChange(int capacityHouseholds, int capacityPeople, SiteOccupancy occupancy) =>
        capacityHouseholds >= occupancy.Households && capacityPeople >= occupancy.People
            ? null
            : $"The site already holds {occupancy.Households} households and {occupancy.People} people; its capacity cannot fall below that.";
}
