using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Income;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Tests.Income;

/// <summary>A hostile client's amounts: beyond the bound they are refused by name, at the bound they are computed exactly.</summary>
public sealed class IncomeBoundsTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    private const long Bound = MoneyLimits.YearlyIncomeFen;

    private readonly IncomeService.IncomeServiceClient _income = registry.IncomeClient();

    [Fact]
    public async Task Int64_max_wages_and_production_are_refused_by_name_and_nothing_is_written()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        var survey = IncomeTestKit.Survey(household.HouseholdId, 2025, wages: long.MaxValue, productionNet: long.MaxValue);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _income.RecordIncomeSurveyAsync(survey, registry.VillageOfficer()));

        Assert.Equal(["wages", "production_net"], RpcAssert.InvalidFields(error));
        Assert.Empty(await registry.OutboxBodiesAsync<HouseholdIncomeRecorded>(household.HouseholdId));
    }

    [Fact]
    public async Task The_most_negative_production_is_refused_instead_of_becoming_a_huge_income()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        var survey = IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 1, productionNet: long.MinValue);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _income.RecordIncomeSurveyAsync(survey, registry.VillageOfficer()));

        Assert.Equal("production_net", RpcAssert.InvalidField(error));
        Assert.Empty(await registry.OutboxBodiesAsync<HouseholdIncomeRecorded>(household.HouseholdId));
    }

    [Theory]
    [InlineData("wages")]
    [InlineData("property")]
    [InlineData("transfer")]
    [InlineData("medical_expenditure")]
    [InlineData("education_expenditure")]
    [InlineData("production_net")]
    public async Task One_fen_over_the_bound_is_refused_for_every_amount(string field)
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            _income.RecordIncomeSurveyAsync(With(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 0), field, Bound + 1), registry.VillageOfficer()));

        Assert.Equal(field, RpcAssert.InvalidField(error));
    }

    [Fact]
    public async Task A_loss_one_fen_beyond_the_bound_is_refused()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            _income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 0, productionNet: -Bound - 1), registry.VillageOfficer()));

        Assert.Equal("production_net", RpcAssert.InvalidField(error));
    }

    [Fact]
    public async Task Every_amount_at_the_bound_is_computed_exactly()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        var survey = IncomeTestKit.Survey(household.HouseholdId, 2025, wages: Bound, productionNet: Bound, property: Bound, transfer: Bound, medical: Bound, education: Bound);

        var year = (await _income.RecordIncomeSurveyAsync(survey, registry.VillageOfficer())).Income;

        Assert.Equal(4 * Bound, year.NetIncome.Fen);
        Assert.Equal(2 * Bound, year.RigidExpenditure.Fen);
        Assert.Equal(4 * Bound / 3, year.PerCapitaNetIncome.Fen);
        Assert.Equal(2 * Bound / 3, year.ExpenditureAdjustedPerCapita.Fen);
    }

    [Fact]
    public async Task A_loss_at_the_bound_gives_a_per_capita_rounded_down_and_below_the_line()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        var survey = IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 2, productionNet: -Bound);

        var year = (await _income.RecordIncomeSurveyAsync(survey, registry.VillageOfficer())).Income;

        // -9,999,999,998 fen over 3 members is -3,333,333,332.67: rounded down, not towards zero.
        Assert.Equal(2 - Bound, year.NetIncome.Fen);
        Assert.Equal(-3_333_333_333, year.PerCapitaNetIncome.Fen);
        Assert.Equal(IncomePosition.BelowLine, year.Position);
    }

    [Fact]
    public async Task Stored_entries_that_overflow_with_the_survey_answer_failed_precondition_and_nothing_is_written()
    {
        var household = await registry.HouseholdAsync(HouseholdStatus.Registered);
        await registry.QueryAsync(async db =>
        {
            var seq = await db.Households.Where(h => h.Id == Guid.Parse(household.HouseholdId)).Select(h => h.Seq).SingleAsync();
            db.IncomeEntries.Add(new IncomeEntry
            {
                Id = Guid.NewGuid(), HouseholdSeq = seq, Year = 2025, Category = "wages", Kind = IncomeKind.Income, Source = "employment",
                SourceReference = Guid.NewGuid().ToString(), AmountFen = long.MaxValue, RecordedAt = DateTime.UtcNow, RecordedBy = "event:WagesPaid",
            });
            return await db.SaveChangesAsync();
        });

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            _income.RecordIncomeSurveyAsync(IncomeTestKit.Survey(household.HouseholdId, 2025, wages: 1), registry.VillageOfficer()));

        Assert.Empty(await registry.OutboxBodiesAsync<HouseholdIncomeRecorded>(household.HouseholdId));
        var id = Guid.Parse(household.HouseholdId);
        Assert.False(await registry.QueryAsync(db => db.IncomeYears.AnyAsync(y => db.Households.Any(h => h.Id == id && h.Seq == y.HouseholdSeq))));
    }

    private static RecordIncomeSurveyRequest With(RecordIncomeSurveyRequest survey, string field, long fen)
    {
        var money = new Pa.Common.V1.Money { Fen = fen };
        _ = field switch
        {
            "wages" => survey.Wages = money,
            "production_net" => survey.ProductionNet = money,
            "property" => survey.Property = money,
            "transfer" => survey.Transfer = money,
            "medical_expenditure" => survey.MedicalExpenditure = money,
            _ => survey.EducationExpenditure = money,
        };
        return survey;
    }
}
