using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;
using Platform.Assistance.Households;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Access;

/// <summary>Who may read and record what: region scope for every household, roles per action.</summary>
public static class AssistanceAccess
{
    public static IReadOnlySet<string> Recorders => RegionAccess.Recorders;

    public static IReadOnlySet<string> Readers => RegionAccess.Readers;

    public static void Require(Caller caller, IReadOnlySet<string> roles, string action) => RegionAccess.Require(caller, roles, action);

    /// <summary>
    /// The household with its members, when it exists and the caller's region covers it;
    /// otherwise NotFound, so another county cannot learn that it exists.
    /// </summary>
    public static async Task<AssistedHousehold> VisibleHouseholdAsync(AssistanceDbContext db, Caller caller, Guid householdId, CancellationToken ct)
    {
        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null || !caller.CanSee(RegionCode.Parse(household.RegionCode)))
        {
            throw RpcErrors.NotFound($"Household {householdId}");
        }

        return household;
    }

    /// <summary>The region a listing asks for, which must lie inside the caller's scope.</summary>
    public static RegionCode ListingRegion(Caller caller, string requested, FieldViolations violations, string field) =>
        RegionAccess.ListingRegion(caller, requested, violations, field);

    public static Guid ParseId(string text, FieldViolations violations, string field) => RegionAccess.ParseId(text, violations, field);
}
