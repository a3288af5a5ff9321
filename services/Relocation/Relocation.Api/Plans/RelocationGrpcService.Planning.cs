using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Relocation.V1;
using Platform.Relocation.Access;
using Platform.Relocation.Households;
using Platform.Relocation.Sites;
using Platform.Security;
using Platform.ServiceDefaults;
using HousingUnit = Platform.Relocation.Sites.HousingUnit;
using Platform.Persistence;

namespace Platform.Relocation.Plans;

/// <summary>Planning a household's relocation into a unit at a site.</summary>
public sealed partial class RelocationGrpcService
{
    /// <summary>
    /// Officers of every level plan; the caller must cover both the household and the site, so a
    /// move across counties is planned by a city or provincial officer.
    /// </summary>
    [Allow(Roles.Officers, "plan relocations")]
    public override async Task<PlanRelocationResponse> PlanRelocation(PlanRelocationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var householdId = Ids.Require(request.HouseholdId, violations, "household_id");
        var siteId = Ids.Require(request.SiteId, violations, "site_id");
        var unitId = Ids.Require(request.UnitId, violations, "unit_id");
        // plans.proto bounds the subsidy and the year; the day must also exist in its month.
        var plannedMoveOn = request.PlannedMoveOn.ToDateOnly();
        violations.Check(plannedMoveOn is not null, "planned_move_on", "must be a real calendar date");
        violations.ThrowIfAny();

        var ct = context.CancellationToken;
        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null || !caller.CanSee(RegionCode.Parse(household.RegionCode)))
        {
            throw RpcErrors.NotFound($"Household {householdId}");
        }

        var site = await RelocationAccess.VisibleSiteAsync(db, caller, siteId, ct);
        var unit = await db.Set<HousingUnit>().FirstOrDefaultAsync(u => u.Id == unitId && u.SiteId == site.Id, ct)
            ?? throw RpcErrors.NotFound($"Unit {unitId} at site {siteId}");
        RpcErrors.ThrowIfRefused(PlacementRules.CheckCandidate(household));

        if (await db.Set<RelocationPlan>().AnyAsync(p => p.HouseholdId == householdId, ct))
        {
            throw RpcErrors.AlreadyExists($"Household {householdId} already has a relocation plan.");
        }

        var people = household.CurrentPeople;
        var occupancy = await SiteOccupancies.OfAsync(db, site.Id, ct);
        // The area standard in force when the plan is made applies.
        RpcErrors.ThrowIfRefused(PlacementRules.CheckPeople(people)
            ?? PlacementRules.CheckUnitFree(unit.HouseholdId, householdId)
            ?? PlacementRules.CheckCapacity(site.CapacityHouseholds, site.CapacityPeople, occupancy, people)
            ?? PlacementRules.CheckArea(unit.AreaSqm, people, policy.For(Now.Year).PerPersonAreaSqm));

        var plan = new RelocationPlan
        {
            HouseholdId = householdId,
            OriginRegionCode = household.RegionCode,
            Reason = (RelocationReason)(int)request.Reason,
            SiteId = site.Id,
            SiteRegionCode = site.RegionCode,
            UnitId = unit.Id,
            People = people,
            AreaSqm = unit.AreaSqm,
            SubsidyFen = request.Subsidy!.Fen,
            PlannedMoveOn = plannedMoveOn!.Value,
            PlannedBy = caller.Subject,
            PlannedAt = Now,
            UpdatedAt = Now,
        };
        unit.HouseholdId = householdId;
        db.Add(plan);
        db.Audit(context, "relocation.plan.create", nameof(RelocationPlan), householdId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation() || ex.IsConcurrencyConflict())
        {
            // The unique indexes on the unit's occupant and the plan's unit caught a concurrent booking.
            throw RpcErrors.Aborted("The unit or the household was just planned by someone else; read the site and retry.");
        }

        return new PlanRelocationResponse { Relocation = plan.ToMessage(site.Name, unit.Number) };
    }
}
