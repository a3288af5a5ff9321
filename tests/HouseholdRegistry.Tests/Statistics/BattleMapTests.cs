using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Tests.Income;
using Platform.HouseholdRegistry.Tests.Support;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Statistics;

/// <summary>The village battle map (挂图作战): every registered or exited household with its plan, helper and progress.</summary>
public sealed class BattleMapTests
{
    [Fact]
    public async Task The_battle_map_shows_each_household_with_income_causes_measures_and_helper_and_the_village_totals()
    {
        await using var registry = new RegistryFactory();
        var first = await registry.RegisteredAsync(Seeded.Qilipeng, PovertyCause.Disability);
        var exited = await registry.RegisteredAsync(Seeded.Qilipeng);
        await registry.SetStatusAsync(exited.HouseholdId, HouseholdStatus.Exited, exitedAt: registry.Clock.GetUtcNow().UtcDateTime, plannedExitYear: 2026);
        await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        await registry.RegisteredAsync(Seeded.ChangjiVillage);
        await registry.QueryAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == Guid.Parse(first.HouseholdId));
            household.IncomePerCapitaAtRegistrationFen = 2_400_00;
            household.CurrentIncomePerCapitaFen = 6_300_00;
            household.CurrentIncomeYear = 2026;
            household.MonitoringCategory = MonitoringCategory.MarginalAtRisk;
            return await db.SaveChangesAsync();
        });
        var helper = await registry.RegisterHelperAsync(Seeded.Huoqiu, name: "李泽坤", workUnit: "环保局");
        await registry.Support().PairHelperAsync(new PairHelperRequest { HouseholdId = first.HouseholdId, HelperId = helper.HelperId }, registry.CountyOfficer(Seeded.Huoqiu));
        var chickens = await Plan(registry, first, MeasureKind.Industry, "养鸡");
        await Plan(registry, first, MeasureKind.Health, "家庭医生签约");
        await Plan(registry, exited, MeasureKind.Housing, "危房改造");
        await registry.Support().CompleteMeasureAsync(new CompleteMeasureRequest { MeasureId = chickens.MeasureId }, registry.CountyOfficer(Seeded.Huoqiu));

        var map = await registry.Statistics().GetBattleMapAsync(new GetBattleMapRequest { VillageCode = Seeded.Qilipeng },
            registry.As(PlatformRoles.TownshipOfficer, Seeded.Changji, subject: "zhou", purpose: "挂图作战"));

        Assert.Equal([first.HouseholdId, exited.HouseholdId], map.Rows.Select(r => r.HouseholdId));
        var row = map.Rows[0];
        Assert.Equal(("王建国", 3, 2_400_00L, 6_300_00L, 2026), (row.HeadName, row.MemberCount, row.IncomePerCapitaAtRegistration.Fen, row.CurrentIncomePerCapita.Fen, row.CurrentIncomeYear));
        Assert.Equal(PovertyCause.Disability, row.PrimaryCause);
        Assert.Equal([PovertyCause.LackOfFunds], row.OtherCauses);
        Assert.Equal((1, 1, "李泽坤", "环保局"), (row.MeasuresPlanned, row.MeasuresDone, row.HelperName, row.HelperWorkUnit));
        Assert.Equal(["养鸡", "家庭医生签约"], row.Measures.Select(m => m.Description));
        Assert.Equal((HouseholdStatus.Registered, MonitoringCategory.MarginalAtRisk), (row.Status, row.MonitoringCategory));
        Assert.Equal((HouseholdStatus.Exited, 2026, ""), (map.Rows[1].Status, map.Rows[1].PlannedExitYear, map.Rows[1].HelperName));
        Assert.Null(map.Rows[1].IncomePerCapitaAtRegistration);

        Assert.Equal(new BattleMapTotals { RegisteredHouseholds = 1, RegisteredPeople = 3, ExitedHouseholds = 1, ExitedPeople = 3, MeasuresTotal = 3, MeasuresDone = 1 }, map.Totals);
        var audit = await registry.QueryAsync(db => db.AuditRecords.SingleAsync(a => a.Action == "battlemap.read"));
        Assert.Equal(("zhou", Seeded.Qilipeng, "挂图作战"), (audit.Actor, audit.EntityId, audit.Purpose));

        var onlyExited = await registry.Statistics().GetBattleMapAsync(new GetBattleMapRequest { VillageCode = Seeded.Qilipeng, Status = HouseholdStatus.Exited }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Equal([exited.HouseholdId], onlyExited.Rows.Select(r => r.HouseholdId));
    }

    [Fact]
    public async Task The_battle_map_names_the_largest_income_sources_of_the_current_income_year()
    {
        await using var registry = new RegistryFactory();
        var household = await registry.RegisteredAsync(Seeded.Qilipeng);
        var year = registry.Clock.GetUtcNow().Year;
        var village = registry.As(PlatformRoles.VillageOfficer, Seeded.Qilipeng);
        await registry.IncomeClient().RecordIncomeSurveyAsync(Income.IncomeTestKit.Survey(household.HouseholdId, year - 1, wages: 0, transfer: 900_000), village);
        await registry.IncomeClient().RecordIncomeSurveyAsync(
            Income.IncomeTestKit.Survey(household.HouseholdId, year, wages: 1_200_000, productionNet: 1_500_000, property: 100_000, transfer: 50_000, medical: 3_000_000), village);

        var map = await registry.Statistics().GetBattleMapAsync(new GetBattleMapRequest { VillageCode = Seeded.Qilipeng }, registry.CountyOfficer(Seeded.Huoqiu));

        Assert.Equal(["production-net", "wages", "property"], Assert.Single(map.Rows).MainIncomeSources);
    }

    [Fact]
    public async Task The_battle_map_pages_through_the_village_without_repeating_a_household()
    {
        await using var registry = new RegistryFactory();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await registry.RegisteredAsync(Seeded.Hekou)).HouseholdId);
        }

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await registry.Statistics().GetBattleMapAsync(
                new GetBattleMapRequest { VillageCode = Seeded.Hekou, Page = new PageRequest { PageSize = 2, PageToken = token } }, registry.CountyOfficer(Seeded.Huoqiu));
            Assert.Equal(5, page.Page.TotalSize);
            Assert.Equal(5, page.Totals.RegisteredHouseholds);
            seen.AddRange(page.Rows.Select(r => r.HouseholdId));
            token = page.Page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task The_battle_map_refuses_bad_input_other_regions_and_roles_without_access_to_names()
    {
        await using var registry = new RegistryFactory();
        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Statistics().GetBattleMapAsync(
            new GetBattleMapRequest { VillageCode = Seeded.Changji, Status = HouseholdStatus.Applied }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal("status", RpcAssert.InvalidField(invalid));
        var township = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Statistics().GetBattleMapAsync(
            new GetBattleMapRequest { VillageCode = Seeded.Changji }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal("village_code", RpcAssert.InvalidField(township));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Statistics().GetBattleMapAsync(new GetBattleMapRequest { VillageCode = Seeded.Qilipeng }, registry.CountyOfficer(Seeded.Weishan)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Statistics().GetBattleMapAsync(new GetBattleMapRequest { VillageCode = "341522104299" }, registry.CountyOfficer(Seeded.Huoqiu)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, registry.Statistics().GetBattleMapAsync(new GetBattleMapRequest { VillageCode = Seeded.Qilipeng }, registry.As(PlatformRoles.DepartmentClient, Seeded.Huoqiu)));
    }

    private static async Task<AssistanceMeasure> Plan(RegistryFactory registry, Household household, MeasureKind kind, string description) =>
        (await registry.Support().PlanMeasureAsync(new PlanMeasureRequest
        {
            HouseholdId = household.HouseholdId, Kind = kind, Description = description, PlannedYear = registry.Clock.GetUtcNow().Year,
        }, registry.CountyOfficer(Seeded.Huoqiu))).Measure;
}
