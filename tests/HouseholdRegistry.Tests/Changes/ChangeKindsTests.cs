using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Tests.Income;
using Platform.HouseholdRegistry.Tests.Support;

namespace Platform.HouseholdRegistry.Tests.Changes;

/// <summary>
/// The kinds a department follows besides registration and member changes — income, monitoring,
/// helper, re-entry — each made through the registry's own calls, reach the feed carrying the
/// facts the department acts on, equal to what the registry answered.
/// </summary>
public sealed class ChangeKindsTests
{
    [Fact]
    public async Task Income_monitoring_helper_and_reentry_changes_carry_the_registrys_own_figures()
    {
        await using var registry = new RegistryFactory();
        var village = IncomeTestKit.VillageOfficer(registry);
        var county = registry.CountyOfficer(Seeded.Huoqiu);
        var household = await registry.RegisteredAsync(Seeded.Qilipeng);
        var income = (await registry.IncomeClient().RecordIncomeSurveyAsync(
            IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 3_600_000, medical: 200_000), village)).Income;
        var hardship = (await registry.MonitoringClient().DeclareHardshipAsync(new DeclareHardshipRequest
        {
            HouseholdId = household.HouseholdId, Kind = HardshipKind.Disaster, Description = "洪水冲毁房屋", Amount = new Money { Fen = 3_000_000 },
        }, village)).Change;
        var helper = await registry.RegisterHelperAsync(Seeded.Huoqiu, name: "王芳", workUnit: "镇农业站");
        await registry.Support().PairHelperAsync(new PairHelperRequest { HouseholdId = household.HouseholdId, HelperId = helper.HelperId }, county);
        var exited = await registry.HouseholdAsync(HouseholdStatus.Exited);
        await registry.IncomeClient().RecordIncomeSurveyAsync(IncomeTestKit.Survey(exited.HouseholdId, 2025, wages: 900_000), village);
        await registry.MonitoringClient().ReenterAsync(new ReenterRequest { HouseholdId = exited.HouseholdId, Reason = "因病返贫" }, county);

        var changes = await registry.AllAsync(registry.Department(Seeded.Huoqiu));

        var ours = changes.Where(c => c.HouseholdId == household.HouseholdId).ToList();
        Assert.Equal(
            [HouseholdChangeKind.IncomeRecorded, HouseholdChangeKind.MonitoringCategoryChanged, HouseholdChangeKind.HelperAssigned],
            ours.Select(c => c.Kind));
        Assert.All(ours, c => Assert.Equal(Seeded.Qilipeng, c.RegionCode));
        var recorded = ours[0].IncomeRecorded;
        Assert.Equal(
            (2025, income.NetIncome, income.PerCapitaNetIncome, income.RigidExpenditure, income.MemberCount),
            (recorded.Year, recorded.NetIncome, recorded.PerCapitaNetIncome, recorded.RigidExpenditure, recorded.MemberCount));
        Assert.Equal(200_000, recorded.RigidExpenditure.Fen);
        var category = ours[1].MonitoringCategoryChanged;
        Assert.Equal((hardship.PreviousCategory, hardship.Category), (category.PreviousCategory, category.Category));
        Assert.Equal(MonitoringCategory.SuddenHardship, category.Category);
        Assert.Equal((helper.HelperId, "王芳", "镇农业站"), (ours[2].HelperAssigned.HelperId, ours[2].HelperAssigned.Name, ours[2].HelperAssigned.WorkUnit));

        var reentry = changes.Where(c => c.HouseholdId == exited.HouseholdId).ToList();
        Assert.Equal("因病返贫", Assert.Single(reentry, c => c.Kind == HouseholdChangeKind.Reentered).Reentered.Reason);
        // The low income made it an unstable exited household; re-entry ends that category.
        Assert.Equal(
            [MonitoringCategory.UnstableExited, MonitoringCategory.None],
            reentry.Where(c => c.Kind == HouseholdChangeKind.MonitoringCategoryChanged).Select(c => c.MonitoringCategoryChanged.Category));

        // Asking for one kind gives that kind only, and all of it.
        foreach (var kind in new[] { HouseholdChangeKind.IncomeRecorded, HouseholdChangeKind.HelperAssigned, HouseholdChangeKind.Reentered, HouseholdChangeKind.MonitoringCategoryChanged })
        {
            var only = await registry.Feed().ListChangesAsync(new ListChangesRequest { Kinds = { kind }, PageSize = 1000 }, registry.Department(Seeded.Huoqiu));
            Assert.Equal(changes.Where(c => c.Kind == kind), only.Changes);
        }
    }
}
