using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;
using Platform.Assistance.Households;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Access;

/// <summary>Which households a caller sees (region scope); role checks, listing regions and ids are in RegionAccess.</summary>
public static class AssistanceAccess
{
    /// <summary>
    /// The household with its members, when it exists and the caller's region covers it;
    /// otherwise NotFound, so another county cannot learn that it exists.
    /// </summary>
    public static async Task<AssistedHousehold> VisibleHouseholdAsync(AssistanceDbContext db, Caller caller, Guid householdId, CancellationToken ct)
    {
        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == householdId, ct);
        return RegionAccess.Visible(caller, household, x => x.RegionCode, $"Household {householdId}");
    }
}
