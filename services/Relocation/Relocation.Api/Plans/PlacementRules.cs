using Platform.Relocation.Households;

namespace Platform.Relocation.Plans;

/// <summary>What a site already holds: households and people planned into it or living there.</summary>
public readonly record struct SiteOccupancy(int Households, int People);

/// <summary>
/// Whether a household may be placed in a unit at a site. Each rule returns null when the placement
/// is allowed, or the reason it is not (the service turns that into FailedPrecondition).
/// </summary>
public static class PlacementRules
{
    /// <summary>易地扶贫搬迁对象: only a registered household on the relocation pathway is planned into a site.</summary>
    public static string? CheckCandidate(RelocatedHousehold household) =>
        household.IsRelocationCandidate && household.Status == HouseholdStatus.Registered
            ? null
            : $"Only registered households on the relocation pathway are relocated; this one is {household.Status} on the {household.Pathway} pathway.";

    /// <summary>A household moves with its current members; one with none left has no one to move.</summary>
    public static string? CheckPeople(int peopleMoving) =>
        peopleMoving > 0 ? null : "The household has no current members to move.";

    /// <summary>A site cannot take more households or people than its capacity.</summary>
    public static string? CheckCapacity(int capacityHouseholds, int capacityPeople, SiteOccupancy occupancy, int peopleMoving)
    {
        if (occupancy.Households + 1 > capacityHouseholds)
        {
            return $"The site is full: {occupancy.Households} of {capacityHouseholds} households are already placed.";
        }

        if (occupancy.People + peopleMoving > capacityPeople)
        {
            return $"The site cannot take {peopleMoving} more people: {occupancy.People} of {capacityPeople} places are taken.";
        }

        return null;
    }

    /// <summary>A unit holds one household: a unit already planned for or lived in by another household is refused.</summary>
    public static string? CheckUnitFree(Guid? occupant, Guid householdId) =>
        occupant is { } other && other != householdId ? $"The unit is already assigned to household {other}." : null;

    /// <summary>The housing area standard (人均住房面积): the unit's area may not exceed the per-person standard times the people moving.</summary>
    public static string? CheckArea(decimal areaSqm, int peopleMoving, decimal perPersonSqm)
    {
        var allowed = perPersonSqm * peopleMoving;
        return areaSqm > allowed
            ? $"A unit of {areaSqm} m² exceeds the standard of {perPersonSqm} m² per person for {peopleMoving} people ({allowed} m²)."
            : null;
    }
}
