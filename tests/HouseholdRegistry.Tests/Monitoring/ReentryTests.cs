using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Tests.Income;

namespace Platform.HouseholdRegistry.Tests.Monitoring;

/// <summary>Re-entry (返贫入列) of an exited household, keeping its exit in the history.</summary>
public sealed class ReentryTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    private readonly MonitoringService.MonitoringServiceClient _monitoring = registry.MonitoringClient();

    [Fact]
    public async Task An_exited_household_is_registered_again_and_its_exit_kept()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Exited);
        await registry.IncomeClient().RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 900_000), registry.VillageOfficer());

        var reentered = (await _monitoring.ReenterAsync(new ReenterRequest { HouseholdId = household.HouseholdId, Reason = "因病返贫" }, registry.CountyOfficer(Seeded.Huoqiu))).Household;

        Assert.Equal(HouseholdStatus.Registered, reentered.Status);
        Assert.Null(reentered.ExitedAt);
        Assert.Null(reentered.SupportUntil);
        Assert.Equal(0, reentered.PreExitMarkedYear);
        Assert.Equal(MonitoringCategory.None, reentered.MonitoringCategory);
        var kept = await registry.QueryAsync(db => db.Reentries.SingleAsync(r => r.Reason == "因病返贫"));
        Assert.NotNull(kept.ExitedAt);
        Assert.NotNull(kept.SupportUntil);
        var evt = IncomeTestKit.Parse<HouseholdReentered>(Assert.Single(await registry.OutboxBodiesAsync<HouseholdReentered>(household.HouseholdId)));
        Assert.Equal(("因病返贫", Guid.Parse(household.HouseholdId)), (evt.Reason, evt.HouseholdId));
        var categories = (await registry.OutboxBodiesAsync<MonitoringCategoryChanged>(household.HouseholdId)).Select(b => IncomeTestKit.Parse<MonitoringCategoryChanged>(b).Category);
        Assert.Equal(["UnstableExited", "None"], categories);
    }

    [Fact]
    public async Task Only_an_exited_household_re_enters_by_a_county_officer_with_a_reason()
    {
        var registered = await registry.HouseholdAsync(HouseholdStatus.Registered);
        var exited = await registry.HouseholdAsync(HouseholdStatus.Exited);

        var wrongState = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            _monitoring.ReenterAsync(new ReenterRequest { HouseholdId = registered.HouseholdId, Reason = "x" }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Contains("Registered", wrongState.Status.Detail);
        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            _monitoring.ReenterAsync(new ReenterRequest { HouseholdId = exited.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal("reason", RpcAssert.InvalidField(invalid));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            _monitoring.ReenterAsync(new ReenterRequest { HouseholdId = exited.HouseholdId, Reason = "x" }, registry.VillageOfficer()));
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            _monitoring.ReenterAsync(new ReenterRequest { HouseholdId = exited.HouseholdId, Reason = "x" }, registry.CountyOfficer(Seeded.Weishan)));
        Assert.Empty(await registry.OutboxBodiesAsync<HouseholdReentered>(exited.HouseholdId));
    }
}
