using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Households;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Helpers;

/// <summary>Who may do what with helpers, teams, visits, measures and spot checks, and the scoped household lookup they share.</summary>
internal static class SupportAccess
{
    /// <summary>The levels that run assistance on the ground: village, township, county.</summary>
    private static readonly HashSet<string> Managers = [PlatformRoles.VillageOfficer, PlatformRoles.TownshipOfficer, PlatformRoles.CountyOfficer];

    /// <summary>Inspectors of spot checks: county, city and provincial officers, and auditors.</summary>
    private static readonly HashSet<string> Inspectors = [PlatformRoles.CountyOfficer, PlatformRoles.CityOfficer, PlatformRoles.ProvincialOfficer, PlatformRoles.Auditor];

    public static void RequireManager(Caller caller, string action)
    {
        if (!Managers.Contains(caller.Role))
        {
            throw RpcErrors.PermissionDenied($"Role {caller.Role} may not {action}.");
        }
    }

    public static void RequireInspector(Caller caller)
    {
        if (!Inspectors.Contains(caller.Role))
        {
            throw RpcErrors.PermissionDenied($"Role {caller.Role} may not record spot checks; county, city and provincial officers and auditors do.");
        }
    }

    /// <summary>Officers and auditors read assistance records; departments and operators do not (they carry names).</summary>
    public static void RequireReader(Caller caller)
    {
        if (!caller.IsOfficer && caller.Role != PlatformRoles.Auditor)
        {
            throw RpcErrors.PermissionDenied($"Role {caller.Role} may not read assistance records.");
        }
    }

    /// <summary>The household if it exists and lies in the caller's region; NotFound otherwise, never revealing which.</summary>
    public static async Task<Household> VisibleHouseholdAsync(RegistryDbContext db, Caller caller, Guid id, ServerCallContext context, bool withMembers = false)
    {
        var query = withMembers ? db.Households.Include(h => h.Members) : db.Households.AsQueryable();
        var household = await query.FirstOrDefaultAsync(h => h.Id == id, context.CancellationToken);
        return household is not null && caller.CanSee(RegionCode.Parse(household.RegionCode))
            ? household
            : throw RpcErrors.NotFound($"Household {id}");
    }

    /// <summary>
    /// A helper inside the caller's region, or one managed above it who serves there: a county's
    /// cadres are paired with households by the township and village officers of that county too.
    /// </summary>
    public static async Task<Helper> VisibleHelperAsync(RegistryDbContext db, Caller caller, Guid id, ServerCallContext context)
    {
        var helper = await db.Helpers.FirstOrDefaultAsync(h => h.Id == id, context.CancellationToken);
        return helper is not null && (caller.CanSee(RegionCode.Parse(helper.RegionCode)) || RegionCode.Parse(helper.RegionCode).Covers(caller.Region))
            ? helper
            : throw RpcErrors.NotFound($"Helper {id}");
    }

    /// <summary>The region a list covers: the one asked for, or the caller's own; NotFound outside the caller's scope.</summary>
    public static RegionCode ListedRegion(Caller caller, string requested, FieldViolations violations)
    {
        var region = caller.Region;
        violations.Check(requested.Length == 0 || RegionCode.TryParse(requested, out region), "region_code", "must be empty or a 12-digit region code");
        return region;
    }

    /// <summary>The region and page of a list request, checked: a reader's role, valid fields, a region in scope.</summary>
    public static (RegionCode Region, PageSpec Page, long? After) ReadListing(Caller caller, string regionCode, Pa.Common.V1.PageRequest? pageRequest, string list)
    {
        RequireReader(caller);
        var violations = new FieldViolations();
        var region = ListedRegion(caller, regionCode, violations);
        var page = Paging.Read(pageRequest, violations, "page", list);
        var after = Paging.AfterSeq(page, violations, "page");
        violations.ThrowIfAny();
        RequireVisible(caller, region);
        return (region, page, after);
    }

    /// <summary>The household and page of a per-household list request, checked like <see cref="ReadListing"/>.</summary>
    public static async Task<(Household Household, PageSpec Page, long? After)> ReadHouseholdListingAsync(
        RegistryDbContext db, Caller caller, string householdId, Pa.Common.V1.PageRequest? pageRequest, ServerCallContext context)
    {
        RequireReader(caller);
        var violations = new FieldViolations();
        var id = Ids.Require(householdId, violations, "household_id");
        var page = Paging.Read(pageRequest, violations, "page", context.Method);
        var after = Paging.AfterSeq(page, violations, "page");
        violations.ThrowIfAny();
        return (await VisibleHouseholdAsync(db, caller, id, context), page, after);
    }

    public static void RequireVisible(Caller caller, RegionCode region)
    {
        if (!caller.CanSee(region))
        {
            throw RpcErrors.NotFound($"Region {region}");
        }
    }

    public static async Task SaveAsync(RegistryDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw RpcErrors.Aborted("The record was changed by someone else; read it again and retry.");
        }
    }
}
