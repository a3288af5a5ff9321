using Grpc.Core;
using Platform.Security;

namespace Platform.ServiceDefaults;

/// <summary>Checks every service makes on a call: the caller's role, the region a listing asks for. Record ids: <see cref="Ids"/>.</summary>
public static class RegionAccess
{
    /// <summary>Officers who record measures for the households their region covers: village, township and county.</summary>
    public static readonly IReadOnlySet<string> Recorders = new HashSet<string>
    {
        PlatformRoles.VillageOfficer, PlatformRoles.TownshipOfficer, PlatformRoles.CountyOfficer,
    };

    /// <summary>Officers of every level, auditors and department clients read within their region.</summary>
    public static readonly IReadOnlySet<string> Readers = new HashSet<string>
    {
        PlatformRoles.VillageOfficer, PlatformRoles.TownshipOfficer, PlatformRoles.CountyOfficer,
        PlatformRoles.CityOfficer, PlatformRoles.ProvincialOfficer, PlatformRoles.Auditor, PlatformRoles.DepartmentClient,
    };

    /// <summary>PermissionDenied unless the caller's role is one of <paramref name="roles"/>.</summary>
    public static void Require(Caller caller, IReadOnlySet<string> roles, string action)
    {
        if (!roles.Contains(caller.Role))
        {
            throw RpcErrors.PermissionDenied($"The role {caller.Role} may not {action}.");
        }
    }

    /// <summary>
    /// The region a listing asks for (the caller's own when empty). A region outside the caller's
    /// scope is NotFound, so its existence is not revealed; a malformed code is a field violation.
    /// </summary>
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
}
