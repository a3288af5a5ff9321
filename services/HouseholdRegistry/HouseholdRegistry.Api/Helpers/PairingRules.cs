using Pa.Registry.V1;
using Platform.HouseholdRegistry.Policy;
using Platform.Security;

namespace Platform.HouseholdRegistry.Helpers;

/// <summary>When a helper cadre may be paired with a household (结对帮扶).</summary>
public static class PairingRules
{
    /// <summary>Households that can be paired: applicants, so help starts while the file is decided, and registered households.</summary>
    public static bool AcceptsHelper(HouseholdStatus status) => status is HouseholdStatus.Applied or HouseholdStatus.Registered;

    /// <summary>A helper paired with the policy's maximum of households takes no more.</summary>
    public static bool HasRoom(int pairedHouseholds, YearPolicy policy) => pairedHouseholds < policy.MaxHouseholdsPerHelper;

    /// <summary>Why the pairing is refused, or null when it may be made.</summary>
    public static string? Refusal(HouseholdStatus status, string householdRegion, Guid? currentHelperId, Helper helper, int helperPairedHouseholds, YearPolicy policy)
    {
        if (!AcceptsHelper(status))
        {
            return $"Only applied or registered households are paired with a helper; this one is {status}.";
        }

        if (!helper.Active)
        {
            return "The helper is no longer active.";
        }

        if (!RegionCode.Parse(helper.RegionCode).Covers(RegionCode.Parse(householdRegion)))
        {
            return $"The helper serves region {helper.RegionCode}, which does not include the household's village {householdRegion}.";
        }

        if (currentHelperId == helper.Id)
        {
            return "The household is already paired with this helper.";
        }

        return HasRoom(helperPairedHouseholds, policy)
            ? null
            : $"The helper is already paired with {helperPairedHouseholds} households, the maximum of {policy.MaxHouseholdsPerHelper}.";
    }
}
