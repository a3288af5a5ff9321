using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Income;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Income;

/// <summary>A village officer records the income survey; the year reads back with its figures and position.</summary>
public sealed class IncomeServiceTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    private readonly IncomeService.IncomeServiceClient _income = registry.IncomeClient();

    [Fact]
    public async Task A_survey_computes_the_year_keeps_the_household_current_and_publishes_the_income()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        var survey = IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 1_500_000, productionNet: 300_000, property: 10_000, transfer: 150_000, medical: 200_000, education: 50_000);

        var response = await _income.RecordIncomeSurveyAsync(survey, registry.VillageOfficer());

        var year = response.Income;
        Assert.Equal(1_960_000, year.NetIncome.Fen);
        Assert.Equal(250_000, year.RigidExpenditure.Fen);
        Assert.Equal(3, year.MemberCount);
        Assert.Equal(653_333, year.PerCapitaNetIncome.Fen);
        Assert.Equal(570_000, year.ExpenditureAdjustedPerCapita.Fen);
        Assert.Equal(IncomePosition.AboveBand, year.Position);
        Assert.Equal(600_000, year.PovertyLine.Fen);
        Assert.Equal(650_000, year.MonitoringBandUpper.Fen);
        Assert.Contains(year.Components, c => c is { Category: "medical-expenditure", Kind: IncomeKind.Expenditure } && c.Amount.Fen == 200_000);

        var read = await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Equal(653_333, read.Household.CurrentIncomePerCapita.Fen);
        Assert.Equal(2025, read.Household.CurrentIncomeYear);

        var recorded = IncomeTestKit.Parse<HouseholdIncomeRecorded>(Assert.Single(await registry.OutboxBodiesAsync<HouseholdIncomeRecorded>(household.HouseholdId)));
        Assert.Equal((2025, 1_960_000L, 653_333L, 250_000L, 3), (recorded.Year, recorded.NetIncomeFen, recorded.PerCapitaNetIncomeFen, recorded.RigidExpenditureFen, recorded.MemberCount));
    }

    [Fact]
    public async Task A_new_survey_replaces_the_last_one_and_keeps_income_reported_by_other_services()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        await registry.QueryAsync(async db =>
        {
            var seq = await db.Households.Where(h => h.Id == Guid.Parse(household.HouseholdId)).Select(h => h.Seq).SingleAsync();
            db.IncomeEntries.Add(new IncomeEntry
            {
                Id = Guid.NewGuid(), HouseholdSeq = seq, Year = 2025, Category = "wages", Kind = IncomeKind.Income, Source = "employment",
                SourceReference = Guid.NewGuid().ToString(), AmountFen = 300_000, RecordedAt = DateTime.UtcNow, RecordedBy = "event:WagesPaid",
            });
            return await db.SaveChangesAsync();
        });

        await _income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 900_000, transfer: 90_000), registry.VillageOfficer());
        await _income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 1_200_000), registry.VillageOfficer());
        await _income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2024, wages: 600_000), registry.VillageOfficer());

        var income = await _income.GetIncomeAsync(new GetIncomeRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));

        Assert.Equal([2025, 2024], income.Years.Select(y => y.Year));
        var latest = income.Years[0];
        Assert.Equal(1_500_000, latest.NetIncome.Fen);
        Assert.Equal(1_500_000, Assert.Single(latest.Components, c => c.Category == "wages").Amount.Fen);
        Assert.Equal(0, Assert.Single(latest.Components, c => c.Category == "transfer").Amount.Fen);
        Assert.Equal(IncomePosition.BelowLine, income.Years[1].Position);

        var read = await registry.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));
        Assert.Equal(2025, read.Household.CurrentIncomeYear);
        Assert.Equal(500_000, read.Household.CurrentIncomePerCapita.Fen);
        Assert.Equal(3, (await registry.OutboxBodiesAsync<HouseholdIncomeRecorded>(household.HouseholdId)).Count);
    }

    [Fact]
    public async Task Invalid_fields_are_named_and_nothing_is_written()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        var survey = IncomeTestKit.Survey(household.HouseholdId, 2099, wages: -1, productionNet: -50_000, education: -5);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _income.RecordIncomeSurveyAsync(survey, registry.VillageOfficer()));

        Assert.Equal(["wages", "education_expenditure"], RpcAssert.InvalidFields(error));
        var future = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            _income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2099, wages: 1), registry.VillageOfficer()));
        Assert.Equal("year", RpcAssert.InvalidField(future));
        var bad = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            _income.GetIncomeAsync(new GetIncomeRequest { HouseholdId = "nope" }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal("household_id", RpcAssert.InvalidField(bad));
        Assert.Empty(await registry.OutboxBodiesAsync<HouseholdIncomeRecorded>(household.HouseholdId));
    }

    [Fact]
    public async Task Unknown_and_out_of_scope_households_are_not_found_and_other_roles_are_denied()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        var survey = IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 1);

        await RpcAssert.FailsAsync(StatusCode.NotFound, _income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(Guid.NewGuid().ToString(), 2025, 1), registry.VillageOfficer()));
        await RpcAssert.FailsAsync(StatusCode.NotFound, _income.RecordIncomeSurveyAsync(survey, registry.VillageOfficer(Seeded.Hekou)));
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            _income.GetIncomeAsync(new GetIncomeRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Weishan)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, _income.RecordIncomeSurveyAsync(survey, registry.As(PlatformRoles.Auditor, Seeded.Huoqiu)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            _income.GetIncomeAsync(new GetIncomeRequest { HouseholdId = household.HouseholdId }, registry.As(PlatformRoles.Operator, Seeded.Anhui)));
    }

    [Fact]
    public async Task Recording_and_reading_income_are_audited()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        await _income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 700_000), registry.VillageOfficer());
        await _income.GetIncomeAsync(new GetIncomeRequest { HouseholdId = household.HouseholdId }, registry.CountyOfficer(Seeded.Huoqiu));

        var actions = await registry.QueryAsync(db => db.AuditRecords.Where(a => a.EntityId == household.HouseholdId).Select(a => a.Action).ToListAsync());
        Assert.Contains("income.record-survey", actions);
        Assert.Contains("income.read", actions);
    }
}
