using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Households;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Helpers;

/// <summary>The scoped lookups that helpers, teams, visits, measures and spot checks share; who may call each is its [Allow].</summary>
internal static class SupportAccess
{
    /// <summary>The household if it exists and lies in the caller's region; NotFound otherwise, never revealing which.</summary>
    public static async Task<Household> VisibleHouseholdAsync(RegistryDbContext db, Caller caller, Guid id, ServerCallContext context, bool withMembers = false)
    {
        var query = withMembers ? db.Households.Include(h => h.Members) : db.Households.AsQueryable();
        return await Income.RegistryCalls.FindAsync(query, id, caller, context.CancellationToken);
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


    /// <summary>The region and page of a list request, checked: valid fields, a region in scope.</summary>
    public static (RegionCode Region, PageSpec Page, long? After) ReadListing(Caller caller, string regionCode, Pa.Common.V1.PageRequest? pageRequest, string list)
    {
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, regionCode, violations, "region_code");
        var page = Paging.Read(pageRequest, violations, "page", list);
        var after = Paging.AfterSeq(page, violations, "page");
        violations.ThrowIfAny();
        return (region, page, after);
    }

    /// <summary>The household and page of a per-household list request, checked like <see cref="ReadListing"/>.</summary>
    public static async Task<(Household Household, PageSpec Page, long? After)> ReadHouseholdListingAsync(
        RegistryDbContext db, Caller caller, string householdId, Pa.Common.V1.PageRequest? pageRequest, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = Ids.Require(householdId, violations, "household_id");
        var page = Paging.Read(pageRequest, violations, "page", context.Method);
        var after = Paging.AfterSeq(page, violations, "page");
        violations.ThrowIfAny();
        return (await VisibleHouseholdAsync(db, caller, id, context), page, after);
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
