using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;
using Platform.Assistance.Households;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Access;

/// <summary>Who may read and record what: region scope for every household, roles per action.</summary>
public static class AssistanceAccess
{
    /// <summary>Officers of any level whose region covers the household record assistance measures.</summary>
    public static readonly IReadOnlySet<string> Recorders = new HashSet<string>
    {
        PlatformRoles.VillageOfficer, PlatformRoles.TownshipOfficer, PlatformRoles.CountyOfficer,
    };

    /// <summary>Officers, auditors and department clients read within their region.</summary>
    public static readonly IReadOnlySet<string> Readers = new HashSet<string>
    {
        PlatformRoles.VillageOfficer, PlatformRoles.TownshipOfficer, PlatformRoles.CountyOfficer,
        PlatformRoles.CityOfficer, PlatformRoles.ProvincialOfficer, PlatformRoles.Auditor, PlatformRoles.DepartmentClient,
    };

    public static void Require(Caller caller, IReadOnlySet<string> roles, string action)
    {
        if (!roles.Contains(caller.Role))
        {
            throw RpcErrors.PermissionDenied($"The role {caller.Role} may not {action}.");
        }
    }

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
    public static RegionCode ListingRegion(Caller caller, string requested, FieldViolations violations, string field)
    {
        if (string.IsNullOrEmpty(requested))
        {
            return caller.Region;
        }

        if (!RegionCode.TryParse(requested, out var region))
        {
            violations.Add(field, "must be a 12-digit region code");
            return caller.Region;
        }

        if (!caller.Region.Covers(region))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Region {requested} was not found."));
        }

        return region;
    }

    public static Guid ParseId(string text, FieldViolations violations, string field)
    {
        if (Guid.TryParse(text, out var id) && id != Guid.Empty)
        {
            return id;
        }

        violations.Add(field, "must be a household or record id (a UUID)");
        return Guid.Empty;
    }
}
