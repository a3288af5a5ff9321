using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Pa.Common.V1;
using Platform.Assistance.Tests.Education;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Tests;

/// <summary>
/// The assistance contracts' field rules are enforced before a handler runs: a bound declared in the
/// .proto (the same as MoneyLimits') passes at the bound, and one fen beyond answers INVALID_ARGUMENT
/// naming the field and writes nothing.
/// </summary>
public sealed class ContractRuleTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private CallOptions Village => service.VillageOfficer(TestRegions.Village);

    private static Money Fen(long fen) => new() { Fen = fen };

    [Fact]
    public async Task An_education_subsidy_at_the_household_subsidy_bound_passes_and_one_fen_more_writes_nothing()
    {
        var education = service.Client<EducationService.EducationServiceClient>();
        var household = await service.Household().Head().Child(age: 17).RegisterAsync();
        var enrolment = (await education.RecordEnrolmentAsync(EducationRequests.Enrol(household, household.Members[1], SchoolStage.Senior), Village)).Enrolment;
        var grant = new GrantSubsidyRequest { EnrolmentId = enrolment.EnrolmentId, Kind = SubsidyKind.LivingSubsidy, Amount = Fen(MoneyLimits.HouseholdSubsidyFen + 1), Year = 2026 };

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, education.GrantSubsidyAsync(grant, Village));

        Assert.Equal("amount", RpcAssert.InvalidField(error));
        Assert.Equal(0, await service.QueryAsync(db => db.Set<Assistance.Education.EducationSubsidy>().CountAsync(s => s.HouseholdId == household.Id)));
        grant.Amount = Fen(MoneyLimits.HouseholdSubsidyFen);
        Assert.Equal(MoneyLimits.HouseholdSubsidyFen, (await education.GrantSubsidyAsync(grant, Village)).Subsidy.Amount.Fen);
    }

    [Fact]
    public async Task A_hospital_stay_at_the_yearly_bound_passes_and_one_fen_more_or_a_negative_payment_writes_nothing()
    {
        var health = service.Client<HealthService.HealthServiceClient>();
        var household = await service.Household().Head().RegisterAsync();
        var stay = new RecordMedicalExpenseRequest
        {
            HouseholdId = household.Id.ToString(), MemberId = household.Head.Id.ToString(), Hospital = "County People's Hospital",
            AdmittedOn = new Date { Year = 2026, Month = 2, Day = 10 }, DischargedOn = new Date { Year = 2026, Month = 2, Day = 20 },
            TotalCost = Fen(MoneyLimits.YearlyIncomeFen + 1), CompliantCost = Fen(0),
        };

        Assert.Equal("total_cost", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, health.RecordMedicalExpenseAsync(stay, Village))));
        stay.TotalCost = Fen(100);
        stay.OtherPayments = Fen(-1);
        Assert.Equal("other_payments", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, health.RecordMedicalExpenseAsync(stay, Village))));
        Assert.Equal(0, await service.QueryAsync(db => db.Set<Assistance.Health.MedicalExpense>().CountAsync(e => e.HouseholdId == household.Id)));

        stay.OtherPayments = null;
        stay.TotalCost = Fen(MoneyLimits.YearlyIncomeFen);
        Assert.Equal(MoneyLimits.YearlyIncomeFen, (await health.RecordMedicalExpenseAsync(stay, Village)).Expense.FamilyPays.Fen);
    }

    [Fact]
    public async Task A_premium_at_its_bound_passes_and_one_fen_more_writes_no_enrolment()
    {
        var health = service.Client<HealthService.HealthServiceClient>();
        var household = await service.Household().Head().RegisterAsync();
        var enrol = new RecordInsuranceEnrolmentRequest
        {
            HouseholdId = household.Id.ToString(), MemberId = household.Head.Id.ToString(), Year = 2026,
            Premium = Fen(100_000_001), Subsidised = Fen(0), Status = EnrolmentStatus.Enrolled,
        };

        Assert.Equal("premium", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, health.RecordInsuranceEnrolmentAsync(enrol, Village))));
        Assert.Equal(0, await service.QueryAsync(db => db.Set<Assistance.Health.InsuranceEnrolment>().CountAsync(e => e.HouseholdId == household.Id)));
        enrol.Premium = Fen(100_000_000);
        Assert.Equal(100_000_000, (await health.RecordInsuranceEnrolmentAsync(enrol, Village)).Enrolment.Premium.Fen);
    }

    [Fact]
    public async Task A_renovation_step_the_contract_does_not_list_is_refused_before_the_project_is_looked_up()
    {
        var housing = service.Client<HousingService.HousingServiceClient>();
        var request = new AdvanceRenovationRequest { ProjectId = Guid.NewGuid().ToString(), Status = RenovationStatus.Accepted };

        Assert.Equal("status", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, housing.AdvanceRenovationAsync(request, Village))));
        request.Status = RenovationStatus.Cancelled;
        await RpcAssert.FailsAsync(StatusCode.NotFound, housing.AdvanceRenovationAsync(request, Village));
    }
}
