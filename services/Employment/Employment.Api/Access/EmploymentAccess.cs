using Microsoft.EntityFrameworkCore;
using Platform.Employment.Data;
using Platform.Employment.Labourers;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Employment.Access;

/// <summary>Which households a caller sees (region scope); role checks, listing regions and ids are in RegionAccess.</summary>
public static class EmploymentAccess
{
    /// <summary>
    /// The household with its members, when it exists and the caller's region covers it;
    /// otherwise NotFound, so another county cannot learn that it exists.
    /// </summary>
    public static async Task<LabourHousehold> VisibleHouseholdAsync(EmploymentDbContext db, Caller caller, Guid householdId, CancellationToken ct)
    {
        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == householdId, ct);
        return RegionAccess.Visible(caller, household, x => x.RegionCode, $"Household {householdId}");
    }
}
