using Grpc.Core;
using Platform.Security;

namespace Platform.ServiceDefaults;

/// <summary>The region scope every service checks on a call: the region a listing asks for, a record's region. Roles: <see cref="AllowAttribute"/>; record ids: <see cref="Ids"/>.</summary>
public static class RegionAccess
{
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

    /// <summary>
    /// The record when it exists and its region (read by <paramref name="regionOf"/>) lies in the
    /// caller's scope; NotFound otherwise, the same answer for both, so a record of another county
    /// is never revealed. <paramref name="what"/> names it in the message ("Household 0193…").
    /// </summary>
    public static T Visible<T>(Caller caller, T? record, Func<T, string> regionOf, string what)
        where T : class =>
        record is not null && caller.CanSee(RegionCode.Parse(regionOf(record)))
            ? record
            : throw RpcErrors.NotFound(what);
}
