using Grpc.Core;
using Pa.Relocation.V1;
using Platform.Relocation.Tests.Sites;
using static Platform.Relocation.Tests.Plans.PlanCalls;

namespace Platform.Relocation.Tests.Plans;

/// <summary>Withdrawing a plan before the move: the unit is free again and the household awaits a new plan.</summary>
public sealed class CancelPlanGrpcTests(RelocationFactory service) : IClassFixture<RelocationFactory>
{
    private RelocationService.RelocationServiceClient Relocations => service.Relocations();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    private static CancelPlanRequest Cancel(TestHousehold household, string reason = "The family chose a unit nearer the workshop") =>
        new() { HouseholdId = household.Id.ToString(), Reason = reason };

    [Fact]
    public async Task A_cancelled_plan_frees_its_unit_for_another_household_and_stays_on_the_awaiting_record()
    {
        const string village = "341522100231";
        var first = await service.Household(village).Head().RegisterAsync();
        var second = await service.Household(village).Head().RegisterAsync();
        var site = await service.CreateSiteAsync(TestRegions.Township, 10, 40, ("2-101", 2500));
        await Relocations.PlanRelocationAsync(Plan(first, site, "2-101"), County);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Relocations.PlanRelocationAsync(Plan(second, site, "2-101"), County));

        var cancelled = (await Relocations.CancelPlanAsync(Cancel(first, "  Wrong unit  "), County)).Cancellation;
        Assert.Equal(("Wrong unit", site.Units.Single().UnitId), (cancelled.Reason, cancelled.UnitId));

        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.GetRelocationAsync(Get(first), County));
        var awaiting = (await Relocations.ListAwaitingPlanAsync(new ListAwaitingPlanRequest { RegionCode = village }, County)).Households;
        var again = awaiting.Single(h => h.HouseholdId == first.Id.ToString());
        Assert.Equal("Wrong unit", Assert.Single(again.CancelledPlans).Reason);
        Assert.Empty(awaiting.Single(h => h.HouseholdId == second.Id.ToString()).CancelledPlans);
        await Relocations.PlanRelocationAsync(Plan(second, site, "2-101"), County);
        Assert.Equal(1, await service.QueryAsync(db => Task.FromResult(db.AuditRecords.Count(a => a.Action == "relocation.plan.cancel" && a.EntityId == first.Id.ToString()))));
    }

    [Fact]
    public async Task A_moved_in_household_keeps_its_plan_and_bad_or_foreign_requests_are_refused()
    {
        var household = await service.Household().Head().RegisterAsync();
        var site = await service.CreateSiteAsync(TestRegions.Township, 10, 40, ("3-101", 2500));
        await Relocations.PlanRelocationAsync(Plan(household, site, "3-101"), County);

        Assert.Equal("reason", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Relocations.CancelPlanAsync(Cancel(household, " "), County))));
        Assert.Equal("household_id", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Relocations.CancelPlanAsync(new CancelPlanRequest { HouseholdId = "x", Reason = "r" }, County))));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Relocations.CancelPlanAsync(Cancel(household), service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Relocations.CancelPlanAsync(Cancel(household), service.As(Platform.Security.PlatformRoles.Auditor, TestRegions.County)));

        await Relocations.RecordMoveInAsync(MoveIn(household, service.Today), County);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Relocations.CancelPlanAsync(Cancel(household), County));
        Assert.Equal(RelocationStage.MovedIn, (await Relocations.GetRelocationAsync(Get(household), County)).Relocation.Stage);
    }
}
