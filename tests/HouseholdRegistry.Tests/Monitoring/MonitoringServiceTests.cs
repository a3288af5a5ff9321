using Grpc.Core;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Tests.Income;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Monitoring;

/// <summary>Filing, hardship declarations, listing and history of monitored households (防返贫监测).</summary>
public sealed class MonitoringServiceTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    private readonly MonitoringService.MonitoringServiceClient _monitoring = registry.MonitoringClient();

    private static FileMonitoredHouseholdRequest Filing(string village, long declaredFen, MonitoringTrigger trigger = MonitoringTrigger.IncomeBelowBand)
    {
        var form = Applications.Household(village);
        form.DeclaredIncomePerCapita = new Money { Fen = declaredFen };
        return new FileMonitoredHouseholdRequest { Household = form, InitialTrigger = trigger, Reason = "入户核查: 收入刚过线" };
    }

    [Fact]
    public async Task A_village_officer_files_a_marginal_household_that_is_monitored_from_then_on()
    {
        var filed = (await _monitoring.FileMonitoredHouseholdAsync(Filing(Seeded.Qilipeng, 620_000), registry.VillageOfficer())).Household;

        Assert.Equal(HouseholdStatus.Monitored, filed.Status);
        Assert.Equal(MonitoringCategory.MarginalAtRisk, filed.MonitoringCategory);
        Assert.Equal(3, filed.Members.Count);
        var changed = IncomeTestKit.Parse<MonitoringCategoryChanged>(Assert.Single(await registry.OutboxBodiesAsync<MonitoringCategoryChanged>(filed.HouseholdId)));
        Assert.Equal(("None", "MarginalAtRisk"), (changed.PreviousCategory, changed.Category));
        var members = IncomeTestKit.Parse<HouseholdMembersChanged>(Assert.Single(await registry.OutboxBodiesAsync<HouseholdMembersChanged>(filed.HouseholdId)));
        Assert.Equal((Seeded.Qilipeng, 3), (members.RegionCode, members.Members.Count));

        var history = await _monitoring.GetMonitoringHistoryAsync(new GetMonitoringHistoryRequest { HouseholdId = filed.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        var change = Assert.Single(history.Changes);
        Assert.Equal((MonitoringTrigger.IncomeBelowBand, 620_000L, "officer-" + Seeded.Qilipeng), (change.Trigger, change.Amount.Fen, change.By));
        Assert.Contains(history.RiskEliminationBlockers, b => b.Contains("below the monitoring band"));
        Assert.Contains(history.RiskEliminationBlockers, b => b.Contains("not been reported"));
    }

    [Fact]
    public async Task A_filing_names_every_invalid_field_of_the_form_the_trigger_and_the_reason()
    {
        var request = Filing(Seeded.Qilipeng, 700_000);
        request.Household.Members[0].Name = "";
        request.Reason = " ";

        // The contract's rules first (an empty name, a blank reason), then the handler's own (income against the standard).
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _monitoring.FileMonitoredHouseholdAsync(request, registry.VillageOfficer()));
        Assert.Equal(["household.members[0].name", "reason"], RpcAssert.InvalidFields(error));

        request.Household.Members[0].Name = "张三";
        request.Reason = "入户核查";
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _monitoring.FileMonitoredHouseholdAsync(request, registry.VillageOfficer()));
        Assert.Equal(["household.declared_income_per_capita"], RpcAssert.InvalidFields(error));

        request = Filing(Seeded.Qilipeng, 100, MonitoringTrigger.RiskEliminated);
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _monitoring.FileMonitoredHouseholdAsync(request, registry.VillageOfficer()));
        Assert.Equal("initial_trigger", RpcAssert.InvalidField(error));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            _monitoring.FileMonitoredHouseholdAsync(Filing(Seeded.Qilipeng, 100), registry.As(PlatformRoles.CityOfficer, "341500000000")));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, _monitoring.FileMonitoredHouseholdAsync(Filing(Seeded.Hekou, 100), registry.VillageOfficer()));
    }

    [Fact]
    public async Task A_declared_hardship_makes_a_registered_household_a_sudden_hardship_case()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        var request = new DeclareHardshipRequest { HouseholdId = household.HouseholdId, Kind = HardshipKind.Disaster, Description = "洪水冲毁房屋", Amount = new Money { Fen = 3_000_000 } };

        var change = (await _monitoring.DeclareHardshipAsync(request, registry.VillageOfficer())).Change;
        var again = (await _monitoring.DeclareHardshipAsync(request, registry.VillageOfficer())).Change;

        Assert.Equal((MonitoringCategory.None, MonitoringCategory.SuddenHardship, MonitoringTrigger.Disaster), (change.PreviousCategory, change.Category, change.Trigger));
        Assert.Equal(MonitoringCategory.SuddenHardship, again.PreviousCategory);
        Assert.Single(await registry.OutboxBodiesAsync<MonitoringCategoryChanged>(household.HouseholdId));
        var history = await _monitoring.GetMonitoringHistoryAsync(new GetMonitoringHistoryRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Equal(2, history.Changes.Count);
        Assert.Equal(3_000_000, history.Changes[0].Amount.Fen);
    }

    [Fact]
    public async Task A_hardship_declaration_needs_a_kind_and_a_description_and_a_visible_household()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _monitoring.DeclareHardshipAsync(
            new DeclareHardshipRequest { HouseholdId = household.HouseholdId, Amount = new Money { Fen = -1 } }, registry.VillageOfficer()));
        Assert.Equal(["kind", "description", "amount"], RpcAssert.InvalidFields(error));
        var valid = new DeclareHardshipRequest { HouseholdId = household.HouseholdId, Kind = HardshipKind.CadreFinding, Description = "重病" };
        await RpcAssert.FailsAsync(StatusCode.NotFound, _monitoring.DeclareHardshipAsync(valid, registry.CountyOfficer(Seeded.Weishan)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, _monitoring.DeclareHardshipAsync(valid, registry.As(PlatformRoles.DepartmentClient, Seeded.Huoqiu)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, _monitoring.GetMonitoringHistoryAsync(
            new GetMonitoringHistoryRequest { HouseholdId = Guid.NewGuid().ToString() }, registry.CountyOfficer(Seeded.Huoqiu)));
    }

    [Fact]
    public async Task Monitored_households_are_listed_by_category_within_the_callers_region()
    {
        var marginal = (await _monitoring.FileMonitoredHouseholdAsync(Filing(Seeded.Qilipeng, 610_000), registry.VillageOfficer())).Household;
        var hardship = await registry.HouseholdAsync(HouseholdStatus.Registered, Seeded.Donghu);
        await _monitoring.DeclareHardshipAsync(new DeclareHardshipRequest { HouseholdId = hardship.HouseholdId, Kind = HardshipKind.HouseholdDeclaration, Description = "失业" }, registry.VillageOfficer(Seeded.Donghu));
        var notMonitored = await registry.HouseholdAsync(HouseholdStatus.Registered);

        var all = await _monitoring.ListMonitoredAsync(new ListMonitoredRequest { RegionCode = Seeded.Huoqiu }, registry.CountyOfficer(Seeded.Huoqiu));
        var marginalOnly = await _monitoring.ListMonitoredAsync(new ListMonitoredRequest { Category = MonitoringCategory.MarginalAtRisk }, registry.VillageOfficer());

        Assert.Contains(all.Households, h => h.HouseholdId == marginal.HouseholdId && h.Category == MonitoringCategory.MarginalAtRisk);
        Assert.Contains(all.Households, h => h.HouseholdId == hardship.HouseholdId && h.Category == MonitoringCategory.SuddenHardship);
        Assert.DoesNotContain(all.Households, h => h.HouseholdId == notMonitored.HouseholdId);
        Assert.All(marginalOnly.Households, h => Assert.Equal((MonitoringCategory.MarginalAtRisk, Seeded.Qilipeng), (h.Category, h.RegionCode)));
        Assert.Contains(marginalOnly.Households, h => h.HouseholdId == marginal.HouseholdId);
        await RpcAssert.FailsAsync(StatusCode.NotFound, _monitoring.ListMonitoredAsync(new ListMonitoredRequest { RegionCode = Seeded.Weishan }, registry.CountyOfficer(Seeded.Huoqiu)));
        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            _monitoring.ListMonitoredAsync(new ListMonitoredRequest { Category = MonitoringCategory.None }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal("category", RpcAssert.InvalidField(invalid));
    }

    [Fact]
    public async Task An_exited_household_surveyed_below_the_band_becomes_unstable_automatically()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Exited);

        var response = await registry.IncomeClient().RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 1_900_000), registry.VillageOfficer());

        Assert.Equal(MonitoringCategory.UnstableExited, response.MonitoringCategory);
        var changed = IncomeTestKit.Parse<MonitoringCategoryChanged>(Assert.Single(await registry.OutboxBodiesAsync<MonitoringCategoryChanged>(household.HouseholdId)));
        Assert.Equal("UnstableExited", changed.Category);
    }
}
