using Grpc.Core;
using Pa.Assistance.V1;
using Pa.Common.V1;
using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Contracts;
using Platform.Security;

namespace Platform.Assistance.Tests.Health;

/// <summary>Hospitalisation costs: the out-of-pocket share and flag, the registry's rigid expenditure, large-expenditure crossings.</summary>
public sealed class MedicalExpenseTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private HealthService.HealthServiceClient Health => service.Client<HealthService.HealthServiceClient>();

    private CallOptions Village => service.VillageOfficer(TestRegions.Village);

    private static Money Fen(long fen) => new() { Fen = fen };

    private static RecordMedicalExpenseRequest Stay(TestHousehold household, long total, long compliant, long basic, long critical = 0, long assistance = 0) => new()
    {
        HouseholdId = household.Id.ToString(),
        MemberId = household.Head.Id.ToString(),
        Hospital = "County People's Hospital",
        AdmittedOn = new Date { Year = 2026, Month = 2, Day = 10 },
        DischargedOn = new Date { Year = 2026, Month = 2, Day = 20 },
        TotalCost = Fen(total),
        CompliantCost = Fen(compliant),
        BasicInsurance = Fen(basic),
        CriticalIllnessInsurance = Fen(critical),
        MedicalAssistance = Fen(assistance),
        OtherPayments = Fen(0),
    };

    private async Task EnrolAsync(TestHousehold household)
    {
        foreach (var member in household.Members)
        {
            await Health.RecordInsuranceEnrolmentAsync(new RecordInsuranceEnrolmentRequest
            {
                HouseholdId = household.Id.ToString(), MemberId = member.Id.ToString(), Year = 2026,
                Premium = Fen(38_000), Subsidised = Fen(38_000), Status = EnrolmentStatus.Enrolled,
            }, Village);
        }
    }

    private Task IncomeAsync(TestHousehold household, long netIncomeFen, int year = 2026) => service.ApplyAsync(
        new HouseholdIncomeRecorded(household.Id, household.RegionCode, year, netIncomeFen, netIncomeFen, 0, household.Members.Count, service.Clock.GetUtcNow().UtcDateTime));

    [Fact]
    public async Task Ten_percent_out_of_pocket_is_within_the_limit_and_a_second_stay_above_it_flags_the_household_and_fails_the_guarantee()
    {
        var household = await service.Household().Head().RegisterAsync();
        await EnrolAsync(household);

        var within = await Health.RecordMedicalExpenseAsync(Stay(household, total: 1_100_000, compliant: 1_000_000, basic: 800_000, critical: 50_000, assistance: 50_000), Village);
        var above = await Health.RecordMedicalExpenseAsync(Stay(household, total: 100_000, compliant: 100_000, basic: 60_000), Village);

        Assert.Equal((0.1, false, GuaranteeState.Met), (within.Expense.CompliantOutOfPocketShare, within.OutOfPocketFlagged, within.Medical.State));
        Assert.Equal(200_000, within.Expense.FamilyPays.Fen);
        Assert.Equal((40_000L, 0.4), (above.Expense.CompliantOutOfPocket.Fen, above.Expense.CompliantOutOfPocketShare));
        Assert.True(above.OutOfPocketFlagged);
        Assert.Equal(0.1273, above.YearCompliantOutOfPocketShare);
        Assert.Equal((GuaranteeState.NotMet, $"expense:{above.Expense.Id}"), (above.Medical.State, above.Medical.DecidingRecord));
        Assert.Equal("NotMet", (await service.OutboxEventsAsync<GuaranteeStatusChanged>(household.Id))[^1].Medical);
    }

    [Fact]
    public async Task Every_record_publishes_what_the_family_paid_and_a_correction_republishes_under_the_same_record_id()
    {
        var household = await service.Household().Head().RegisterAsync();
        var first = await Health.RecordMedicalExpenseAsync(Stay(household, total: 1_200_000, compliant: 1_000_000, basic: 900_000), Village);
        await Health.RecordMedicalExpenseAsync(Stay(household, total: 300_000, compliant: 300_000, basic: 270_000), Village);

        var correction = Stay(household, total: 1_200_000, compliant: 1_000_000, basic: 900_000, assistance: 100_000);
        correction.RecordId = first.Expense.Id;
        var corrected = await Health.RecordMedicalExpenseAsync(correction, Village);

        var published = await service.OutboxEventsAsync<MedicalExpenditureRecorded>(household.Id);
        Assert.Equal(3, published.Count);
        Assert.Equal((first.Expense.Id, 300_000L, 2026), (published[0].RecordId.ToString(), published[0].OutOfPocketFen, published[0].Year));
        Assert.Equal(30_000, published[1].OutOfPocketFen);
        Assert.Equal((first.Expense.Id, 200_000L), (published[2].RecordId.ToString(), published[2].OutOfPocketFen));
        Assert.Equal(first.Expense.Id, corrected.Expense.Id);
        var listed = await Health.ListMedicalExpensesAsync(new ListMedicalExpensesRequest { HouseholdId = household.Id.ToString(), Year = 2026 }, service.CountyOfficer(TestRegions.County));
        Assert.Equal(2, listed.Expenses.Count);
        Assert.Equal(230_000, corrected.LargeExpenditure.OutOfPocket.Fen);
    }

    [Fact]
    public async Task Without_a_known_income_large_expenditure_is_not_assessable_and_the_income_arriving_later_is_checked()
    {
        var household = await service.Household().Head().RegisterAsync();

        var recorded = await Health.RecordMedicalExpenseAsync(Stay(household, total: 2_000_000, compliant: 1_500_000, basic: 1_000_000), Village);
        Assert.False(recorded.LargeExpenditure.Assessable);
        Assert.Contains("not assessable", recorded.LargeExpenditure.Note);
        Assert.Empty(await service.OutboxEventsAsync<LargeMedicalExpenditureIncurred>(household.Id));

        await IncomeAsync(household, netIncomeFen: 1_500_000);

        var incurred = Assert.Single(await service.OutboxEventsAsync<LargeMedicalExpenditureIncurred>(household.Id));
        Assert.Equal((household.RegionCode, 2026, 1_000_000L, 1_500_000L), (incurred.RegionCode, incurred.Year, incurred.OutOfPocketFen, incurred.NetIncomeFen));
    }

    [Fact]
    public async Task Large_expenditure_is_published_once_while_above_and_again_only_after_falling_below_and_crossing_anew()
    {
        var household = await service.Household().Head().RegisterAsync();
        await IncomeAsync(household, netIncomeFen: 2_000_000);

        var exactlyHalf = await Health.RecordMedicalExpenseAsync(Stay(household, total: 1_000_000, compliant: 0, basic: 0), Village);
        Assert.Equal((true, false), (exactlyHalf.LargeExpenditure.Assessable, exactlyHalf.LargeExpenditure.AboveShare));
        Assert.Empty(await service.OutboxEventsAsync<LargeMedicalExpenditureIncurred>(household.Id));

        var crossing = await Health.RecordMedicalExpenseAsync(Stay(household, total: 1, compliant: 0, basic: 0), Village);
        await Health.RecordMedicalExpenseAsync(Stay(household, total: 500_000, compliant: 0, basic: 0), Village);
        Assert.True(crossing.LargeExpenditure.AboveShare);
        Assert.Single(await service.OutboxEventsAsync<LargeMedicalExpenditureIncurred>(household.Id));

        await IncomeAsync(household, netIncomeFen: 10_000_000);
        Assert.Single(await service.OutboxEventsAsync<LargeMedicalExpenditureIncurred>(household.Id));

        await IncomeAsync(household, netIncomeFen: 2_000_000);
        var events = await service.OutboxEventsAsync<LargeMedicalExpenditureIncurred>(household.Id);
        Assert.Equal([1_000_001L, 1_500_001L], events.Select(e => e.OutOfPocketFen));
    }

    [Fact]
    public async Task Payments_above_the_compliant_cost_and_dates_out_of_order_are_refused_by_field()
    {
        var household = await service.Household().Head().RegisterAsync();

        var overpaid = Stay(household, total: 1_000_000, compliant: 500_000, basic: 300_000, critical: 150_000, assistance: 50_001);
        Assert.Equal("compliant_cost", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Health.RecordMedicalExpenseAsync(overpaid, Village))));

        var backwards = Stay(household, total: 100, compliant: 100, basic: 0);
        backwards.DischargedOn = new Date { Year = 2026, Month = 2, Day = 9 };
        Assert.Equal("discharged_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Health.RecordMedicalExpenseAsync(backwards, Village))));

        var future = Stay(household, total: 100, compliant: 100, basic: 0);
        future.DischargedOn = new Date { Year = 2026, Month = 12, Day = 1 };
        Assert.Equal("discharged_on", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Health.RecordMedicalExpenseAsync(future, Village))));
        Assert.Empty(await service.OutboxEventsAsync<MedicalExpenditureRecorded>(household.Id));
    }

    [Fact]
    public async Task Another_county_gets_not_found_a_record_of_another_household_is_not_found_and_an_auditor_may_not_record()
    {
        var household = await service.Household().Head().RegisterAsync();
        var neighbour = await service.Household().Head().RegisterAsync();
        var theirs = await Health.RecordMedicalExpenseAsync(Stay(neighbour, total: 100, compliant: 100, basic: 90), Village);

        await RpcAssert.FailsAsync(StatusCode.NotFound, Health.RecordMedicalExpenseAsync(Stay(household, total: 100, compliant: 100, basic: 90), service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Health.ListMedicalExpensesAsync(new ListMedicalExpensesRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.OtherCounty)));
        var stolen = Stay(household, total: 100, compliant: 100, basic: 90);
        stolen.RecordId = theirs.Expense.Id;
        await RpcAssert.FailsAsync(StatusCode.NotFound, Health.RecordMedicalExpenseAsync(stolen, Village));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Health.RecordMedicalExpenseAsync(Stay(household, total: 100, compliant: 100, basic: 90), service.As(PlatformRoles.Auditor, TestRegions.County)));
    }
}
