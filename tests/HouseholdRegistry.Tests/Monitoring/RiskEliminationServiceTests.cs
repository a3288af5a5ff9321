using Grpc.Core;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Tests.Income;

namespace Platform.HouseholdRegistry.Tests.Monitoring;

/// <summary>Risk elimination (风险消除) over time: each test moves its own registry's clock.</summary>
public sealed class RiskEliminationServiceTests
{
    private static EliminateRiskRequest Eliminate(string id) => new() { HouseholdId = id, Reason = "收入稳定超过监测线" };

    [Fact]
    public async Task Risk_is_eliminated_only_after_six_months_above_the_band_with_guarantees_met()
    {
        await using var registry = new RegistryFactory();
        var household = await registry.HouseholdAsync(HouseholdStatus.Exited);
        var income = registry.IncomeClient();
        var monitoring = registry.MonitoringClient();
        await income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 1_500_000), registry.VillageOfficer());
        await income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 2_100_000), registry.VillageOfficer());
        await registry.SetGuaranteesAsync(household.HouseholdId);

        registry.Clock.Advance(TimeSpan.FromDays(31 * 5));
        var early = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, monitoring.EliminateRiskAsync(Eliminate(household.HouseholdId), registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Contains("6 months are needed", early.Status.Detail);

        registry.Clock.Advance(TimeSpan.FromDays(31));
        var change = (await monitoring.EliminateRiskAsync(Eliminate(household.HouseholdId), registry.CountyOfficer(Seeded.Huoqiu))).Change;

        Assert.Equal((MonitoringCategory.UnstableExited, MonitoringCategory.None, MonitoringTrigger.RiskEliminated), (change.PreviousCategory, change.Category, change.Trigger));
        var events = (await registry.OutboxBodiesAsync<MonitoringCategoryChanged>(household.HouseholdId)).Select(IncomeTestKit.Parse<MonitoringCategoryChanged>).ToList();
        Assert.Equal(["UnstableExited", "None"], events.Select(e => e.Category));
    }

    [Fact]
    public async Task Income_falling_below_the_band_again_restarts_the_six_months()
    {
        await using var registry = new RegistryFactory();
        var household = await registry.HouseholdAsync(HouseholdStatus.Exited);
        var income = registry.IncomeClient();
        await income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 1_500_000), registry.VillageOfficer());
        await income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 2_100_000), registry.VillageOfficer());
        await registry.SetGuaranteesAsync(household.HouseholdId);
        registry.Clock.Advance(TimeSpan.FromDays(200));
        await income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 1_500_000), registry.VillageOfficer());
        await income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 2_100_000), registry.VillageOfficer());

        var refused = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            registry.MonitoringClient().EliminateRiskAsync(Eliminate(household.HouseholdId), registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Contains("only since", refused.Status.Detail);
    }

    [Fact]
    public async Task A_household_without_labour_capacity_stays_monitored_and_says_why()
    {
        await using var registry = new RegistryFactory();
        var form = Applications.Household(Seeded.Qilipeng);
        form.DeclaredIncomePerCapita = new Money { Fen = 300_000 };
        foreach (var member in form.Members)
        {
            member.LabourCapacity = LabourCapacity.None;
        }

        var monitoring = registry.MonitoringClient();
        var filed = (await monitoring.FileMonitoredHouseholdAsync(
            new FileMonitoredHouseholdRequest { Household = form, InitialTrigger = MonitoringTrigger.IncomeBelowBand, Reason = "无劳动力" }, registry.VillageOfficer())).Household;
        await registry.IncomeClient().RecordIncomeSurveyAsync(IncomeTestKit.Survey(filed.HouseholdId, 2025, wages: 0, transfer: 2_400_000), registry.VillageOfficer());
        await registry.SetGuaranteesAsync(filed.HouseholdId);
        registry.Clock.Advance(TimeSpan.FromDays(400));

        var refused = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, monitoring.EliminateRiskAsync(Eliminate(filed.HouseholdId), registry.CountyOfficer(Seeded.Huoqiu)));

        Assert.Contains("no member has labour capacity", refused.Status.Detail);
        Assert.DoesNotContain("months", refused.Status.Detail);
    }

    [Fact]
    public async Task Only_a_county_officer_eliminates_risk_and_only_with_a_reason()
    {
        await using var registry = new RegistryFactory();
        var household = await registry.HouseholdAsync(HouseholdStatus.Exited);
        var monitoring = registry.MonitoringClient();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, monitoring.EliminateRiskAsync(Eliminate(household.HouseholdId), registry.VillageOfficer()));
        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            monitoring.EliminateRiskAsync(new EliminateRiskRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal("reason", RpcAssert.InvalidField(invalid));
        var notMonitored = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, monitoring.EliminateRiskAsync(Eliminate(household.HouseholdId), registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Contains("not monitored", notMonitored.Status.Detail);
        await RpcAssert.FailsAsync(StatusCode.NotFound, monitoring.EliminateRiskAsync(Eliminate(household.HouseholdId), registry.CountyOfficer(Seeded.Weishan)));
    }
}
