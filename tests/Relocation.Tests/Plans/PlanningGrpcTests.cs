using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Relocation.V1;
using Platform.Relocation.Tests.Sites;
using Platform.Security;
using static Platform.Relocation.Tests.Plans.PlanCalls;
using HousingUnit = Platform.Relocation.Sites.HousingUnit;

namespace Platform.Relocation.Tests.Plans;

/// <summary>Households awaiting a plan, and planning one into a unit under the placement rules.</summary>
public sealed class PlanningGrpcTests(RelocationFactory service) : IClassFixture<RelocationFactory>
{
    private RelocationService.RelocationServiceClient Relocations => service.Relocations();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    [Fact]
    public async Task A_candidate_awaits_a_plan_until_a_county_officer_plans_it_into_a_unit_exactly_at_the_area_standard()
    {
        const string village = "341522100211";
        var household = await service.Household(village).Head().Spouse("Weak").Child().RegisterAsync();
        await service.Household(village).Pathway("Education").RegisterAsync();
        var site = await service.CreateSiteAsync(TestRegions.Township, 10, 40, ("2-101", 7500));

        var awaiting = (await Relocations.ListAwaitingPlanAsync(new ListAwaitingPlanRequest { RegionCode = village }, County)).Households.Single();
        Assert.Equal((household.Id.ToString(), 3), (awaiting.HouseholdId, awaiting.People));
        Assert.Equal((1, 1, 1), (awaiting.Labour.Normal, awaiting.Labour.Weak, awaiting.Labour.None));

        var planned = (await Relocations.PlanRelocationAsync(Plan(household, site, "2-101"), County)).Relocation;
        Assert.Equal((RelocationStage.Planned, 3, 7500, "2-101", site.Name), (planned.Stage, planned.People, planned.AreaSqmHundredths, planned.UnitNumber, planned.SiteName));
        Assert.Equal((village, TestRegions.Township, 6_000_000L), (planned.OriginRegionCode, planned.SiteRegionCode, planned.Subsidy.Fen));
        Assert.Null(planned.FollowUp);
        Assert.Empty((await Relocations.ListAwaitingPlanAsync(new ListAwaitingPlanRequest { RegionCode = village }, County)).Households);
        Assert.Equal(household.Id, await service.QueryAsync(db => db.Set<HousingUnit>().Where(u => u.Id == Guid.Parse(planned.UnitId)).Select(u => u.HouseholdId).SingleAsync()));
        Assert.Equal(1, await service.QueryAsync(db => db.AuditRecords.CountAsync(a => a.Action == "relocation.plan.create" && a.EntityId == household.Id.ToString())));
        var occupancy = (await service.Sites().GetSiteAsync(new GetSiteRequest { SiteId = site.SiteId }, County)).Site.Occupancy;
        Assert.Equal((1, 3), (occupancy.Households, occupancy.People));

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, Relocations.PlanRelocationAsync(Plan(household, site, "2-101"), County));
    }

    [Fact]
    public async Task Planning_checks_its_fields()
    {
        var household = await service.Household().Head().RegisterAsync();
        var site = await service.CreateSiteAsync(TestRegions.Township, 10, 40, ("3-101", 2500));
        var request = Plan(household, site, "3-101");
        request.HouseholdId = "";
        request.Reason = RelocationReason.Unspecified;
        request.Subsidy = new() { Fen = 0 };
        request.PlannedMoveOn = new() { Year = 2026, Month = 2, Day = 30 };

        var fields = RpcAssert.InvalidFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Relocations.PlanRelocationAsync(request, County)));
        // The contract's rules first; the date that does not exist is the handler's, once the contract's pass.
        Assert.Equal(["household_id", "reason", "subsidy"], fields);
        var impossibleDate = Plan(household, site, "3-101");
        impossibleDate.PlannedMoveOn = new() { Year = 2026, Month = 2, Day = 30 };
        fields = RpcAssert.InvalidFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Relocations.PlanRelocationAsync(impossibleDate, County)));
        Assert.Equal(["planned_move_on"], fields);
    }

    [Fact]
    public async Task Households_sites_and_units_outside_the_callers_region_are_not_found()
    {
        var household = await service.Household().Head().RegisterAsync();
        var stranger = await service.Household(TestRegions.OtherCountyVillage).Head().RegisterAsync();
        var site = await service.CreateSiteAsync(TestRegions.Township, 10, 40, ("4-101", 2500));
        var elsewhere = await service.CreateSiteAsync(TestRegions.OtherCountyTownship, 10, 40, ("4-101", 2500));

        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.PlanRelocationAsync(Plan(stranger, site, "4-101"), County));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.PlanRelocationAsync(Plan(household, elsewhere, "4-101"), County));
        // A village officer covers the household but not the township's site: the destination decides.
        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.PlanRelocationAsync(Plan(household, site, "4-101"), service.VillageOfficer(TestRegions.Village)));
        var otherUnit = Plan(household, site, "4-101");
        otherUnit.UnitId = elsewhere.Units.Single().UnitId;
        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.PlanRelocationAsync(otherUnit, County));
        var unknown = Plan(household, site, "4-101");
        unknown.HouseholdId = Guid.NewGuid().ToString();
        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.PlanRelocationAsync(unknown, County));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Relocations.PlanRelocationAsync(Plan(household, site, "4-101"), service.As(PlatformRoles.Auditor, TestRegions.County)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.ListAwaitingPlanAsync(new ListAwaitingPlanRequest { RegionCode = TestRegions.OtherCounty }, County));
    }

    [Fact]
    public async Task Only_registered_households_on_the_relocation_pathway_are_planned()
    {
        var education = await service.Household().Pathway("Education").Head().RegisterAsync();
        var site = await service.CreateSiteAsync(TestRegions.Township, 10, 40, ("5-101", 2500));

        var error = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Relocations.PlanRelocationAsync(Plan(education, site, "5-101"), County));
        Assert.Contains("Education", error.Status.Detail);
    }

    [Fact]
    public async Task A_taken_unit_a_full_site_and_a_unit_above_the_area_standard_are_refused_with_the_reason()
    {
        var first = await service.Household().Head().Spouse().RegisterAsync();
        var second = await service.Household().Head().Spouse().RegisterAsync();
        var site = await service.CreateSiteAsync(TestRegions.Township, 2, 4, ("6-101", 5000), ("6-102", 5001), ("6-103", 5000), ("6-104", 5000));
        await Relocations.PlanRelocationAsync(Plan(first, site, "6-101"), County);

        var taken = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Relocations.PlanRelocationAsync(Plan(second, site, "6-101"), County));
        Assert.Contains(first.Id.ToString(), taken.Status.Detail);
        var tooLarge = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Relocations.PlanRelocationAsync(Plan(second, site, "6-102"), County));
        Assert.Contains("exceeds the standard", tooLarge.Status.Detail);
        await Relocations.PlanRelocationAsync(Plan(second, site, "6-103"), County);

        var third = await service.Household().Head().RegisterAsync();
        var full = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Relocations.PlanRelocationAsync(Plan(third, site, "6-104"), County));
        Assert.Contains("full", full.Status.Detail);
        await service.Sites().UpdateCapacityAsync(new UpdateCapacityRequest { SiteId = site.SiteId, CapacityHouseholds = 3, CapacityPeople = 4 }, County);
        var noPlaces = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Relocations.PlanRelocationAsync(Plan(third, site, "6-104"), County));
        Assert.Contains("4 of 4 places", noPlaces.Status.Detail);
        Assert.Null(await service.QueryAsync(db => db.Set<HousingUnit>().Where(u => u.Id == Guid.Parse(site.Units[3].UnitId)).Select(u => u.HouseholdId).SingleAsync()));
    }

    [Fact]
    public async Task Two_officers_booking_the_same_unit_at_once_leave_one_plan_and_a_clear_refusal_never_an_internal_error()
    {
        var site = await service.CreateSiteAsync(TestRegions.Township, 20, 80, ("7-101", 2500), ("7-102", 2500), ("7-103", 2500));
        foreach (var unit in site.Units)
        {
            var households = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => service.Household().Head().RegisterAsync()));

            var outcomes = await Race.RunAsync(households.Length, i => Relocations.PlanRelocationAsync(Plan(households[i], site, unit.Number), County).ResponseAsync);

            Race.AssertOneWinner(outcomes, StatusCode.FailedPrecondition, StatusCode.Aborted);
            var winner = households[Array.IndexOf(outcomes, StatusCode.OK)].Id;
            var unitId = Guid.Parse(unit.UnitId);
            var ids = households.Select(h => h.Id).ToList();
            Assert.Equal([winner], await service.QueryAsync(db => db.Set<Relocation.Plans.RelocationPlan>().Where(p => ids.Contains(p.HouseholdId)).Select(p => p.HouseholdId).ToListAsync()));
            Assert.Equal([winner], await service.QueryAsync(db => db.Set<Relocation.Plans.RelocationPlan>().Where(p => p.UnitId == unitId).Select(p => p.HouseholdId).ToListAsync()));
            Assert.Equal(winner, await service.QueryAsync(db => db.Set<HousingUnit>().Where(u => u.Id == unitId).Select(u => u.HouseholdId).SingleAsync()));
        }
    }
}
