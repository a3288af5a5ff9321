using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Policy;

namespace Platform.HouseholdRegistry.Screening;

/// <summary>
/// Keeps a household's stored screening results (六优先 flags, conflict-of-interest mark) in step
/// with its members and facts. Call it wherever members or facts change, before saving.
/// </summary>
public static class HouseholdScreening
{
    public static void Refresh(Household household, YearPolicy policy)
    {
        var flags = SixPriorities.Evaluate(household.Members.Where(m => m.IsActive), household.Facts, policy);
        household.PriorityFlags = SixPriorities.ToMask(flags);
        household.PriorityCount = flags.Count;
        household.ConflictOfInterest = ConflictOfInterest.Evaluate(household.Facts);
    }

}
