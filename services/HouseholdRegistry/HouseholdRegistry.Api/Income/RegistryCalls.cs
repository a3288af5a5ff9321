using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Households;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Income;

/// <summary>Checks every income and monitoring call makes the same way.</summary>
internal static class RegistryCalls
{
    /// <summary>Officers who record what they find in the village: village, township and county.</summary>
    public static readonly HashSet<string> RecordingRoles = [PlatformRoles.VillageOfficer, PlatformRoles.TownshipOfficer, PlatformRoles.CountyOfficer];

    public static Caller RequireRole(ServerCallContext context, IReadOnlySet<string> roles, string action)
    {
        var caller = context.GetCaller();
        return roles.Contains(caller.Role) ? caller : throw RpcErrors.PermissionDenied($"Role {caller.Role} may not {action}.");
    }

    /// <summary>Operators run the platform and read no household data; everyone else reads within their region.</summary>
    public static Caller RequireReader(ServerCallContext context)
    {
        var caller = context.GetCaller();
        return caller.Role == PlatformRoles.Operator ? throw RpcErrors.PermissionDenied("Operators do not read household records.") : caller;
    }

    public static Caller RequireCountyOfficer(ServerCallContext context, string action) =>
        RequireRole(context, new HashSet<string> { PlatformRoles.CountyOfficer }, action);

    /// <summary>The household if it exists and the caller's region covers it; otherwise NotFound, never revealing which.</summary>
    public static async Task<Household> FindAsync(IQueryable<Household> households, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var household = await households.FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        return household is null || !caller.CanSee(RegionCode.Parse(household.RegionCode))
            ? throw RpcErrors.NotFound($"Household {id}")
            : household;
    }

    /// <summary>A region in the caller's scope: empty means the caller's own; outside the scope is NotFound.</summary>
    public static RegionCode ReadRegion(string text, Caller caller, FieldViolations violations, bool required)
    {
        var region = caller.Region;
        violations.Check(required ? RegionCode.TryParse(text, out region) : text.Length == 0 || RegionCode.TryParse(text, out region),
            "region_code", required ? "must be a 12-digit region code" : "must be empty or a 12-digit region code");
        return region;
    }

    public static void EnsureVisible(RegionCode region, Caller caller)
    {
        if (!caller.CanSee(region))
        {
            throw RpcErrors.NotFound($"Region {region}");
        }
    }

    /// <summary>Runs the one SaveChanges of a call; a concurrent change of the same household answers Aborted.</summary>
    public static async Task SaveAsync(Data.RegistryDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw RpcErrors.Aborted("The household was changed by someone else at the same time; read it again and retry.");
        }
    }
}
