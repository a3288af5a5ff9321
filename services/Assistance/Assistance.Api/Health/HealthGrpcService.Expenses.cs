using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Contracts;
using Platform.Assistance.Guarantees;
using Platform.Assistance.Households;
using Platform.Messaging;
using Platform.Persistence;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Health;

/// <summary>Hospitalisation costs: the out-of-pocket share, the registry's rigid expenditure, large-expenditure crossings.</summary>
public sealed partial class HealthGrpcService
{
    /// <summary>
    /// Records or corrects one hospitalisation. Every write publishes MedicalExpenditureRecorded
    /// with what the family actually paid (total − all payments, the non-compliant part included),
    /// under the record's id, so a correction replaces the registry's earlier figure.
    /// </summary>
    [Allow(Roles.Recorders, "record medical expenses")]
    public override async Task<RecordMedicalExpenseResponse> RecordMedicalExpense(RecordMedicalExpenseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        var memberId = Ids.Require(request.MemberId, violations, "member_id");
        var recordId = request.RecordId.Length == 0 ? (Guid?)null : Ids.Require(request.RecordId, violations, "record_id");
        var hospital = HealthValidation.Required(request.Hospital, violations, "hospital");
        var admittedOn = HealthValidation.Date(request.AdmittedOn, Today, violations, "admitted_on");
        var dischargedOn = HealthValidation.Date(request.DischargedOn, Today, violations, "discharged_on");
        violations.Check(dischargedOn >= admittedOn, "discharged_on", "must not be before admitted_on");
        var costs = new MedicalCosts(
            HealthValidation.Fen(request.TotalCost), HealthValidation.Fen(request.CompliantCost), HealthValidation.Fen(request.BasicInsurance),
            HealthValidation.Fen(request.CriticalIllnessInsurance), HealthValidation.Fen(request.MedicalAssistance), HealthValidation.Fen(request.OtherPayments));
        costs.Validate(violations);
        violations.ThrowIfAny();

        var household = await ChangeableMemberAsync(caller, id, memberId, context);
        var expense = await ExpenseToWriteAsync(recordId, household, context);
        var now = Now;
        var previousYear = expense.Year;
        (expense.MemberId, expense.RegionCode, expense.Hospital, expense.AdmittedOn, expense.DischargedOn, expense.Year) =
            (memberId, household.RegionCode, hospital, admittedOn, dischargedOn, dischargedOn.Year);
        (expense.TotalFen, expense.CompliantFen, expense.BasicInsuranceFen, expense.CriticalIllnessFen, expense.MedicalAssistanceFen, expense.OtherFen) =
            (costs.TotalFen, costs.CompliantFen, costs.BasicInsuranceFen, costs.CriticalIllnessFen, costs.MedicalAssistanceFen, costs.OtherFen);
        (expense.RecordedBy, expense.RecordedAt) = (caller.Subject, now);

        var year = await MedicalYears.ResumAsync(db, expense, expense.Year, context.CancellationToken);
        if (previousYear != 0 && previousYear != expense.Year)
        {
            await MedicalYears.ResumAsync(db, expense, previousYear, context.CancellationToken);
        }

        db.AddEvent(new MedicalExpenditureRecorded(id, expense.Id, expense.Year, costs.FamilyPaysFen, now), id.ToString(), now);
        db.Audit(context, recordId is null ? "health.medical-expense.record" : "health.medical-expense.correct", nameof(MedicalExpense), expense.Id);
        await db.SaveAndReassessAsync(assessor, [id], context.CancellationToken);

        return new RecordMedicalExpenseResponse
        {
            Expense = expense.ToMessage(),
            YearCompliantOutOfPocketShare = HealthMapping.ShareForDisplay(MedicalCosts.Share(year.CompliantOutOfPocketFen, year.CompliantFen)),
            OutOfPocketFlagged = year.Flagged,
            LargeExpenditure = await LargeExpenditureAsync(year, context),
            Medical = await MedicalFindingAsync(id, context),
        };
    }

    [Allow(Roles.Readers, "read medical expenses")]
    public override async Task<ListMedicalExpensesResponse> ListMedicalExpenses(ListMedicalExpensesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        var year = request.Year;
        violations.ThrowIfAny();

        await ReadableAsync(caller, id, "health.medical-expenses.read", context);
        var expenses = await db.Set<MedicalExpense>().AsNoTracking().Where(e => e.HouseholdId == id && (year == 0 || e.Year == year))
            .OrderBy(e => e.DischargedOn).ThenBy(e => e.Id).ToListAsync(context.CancellationToken);
        var response = new ListMedicalExpensesResponse();
        response.Expenses.AddRange(expenses.Select(e => e.ToMessage()));
        return response;
    }

    /// <summary>A new record, or the household's record being corrected (NotFound when the household has no such record).</summary>
    private async Task<MedicalExpense> ExpenseToWriteAsync(Guid? recordId, AssistedHousehold household, ServerCallContext context)
    {
        if (recordId is { } existing)
        {
            return await db.Set<MedicalExpense>().FirstOrDefaultAsync(e => e.Id == existing && e.HouseholdId == household.Id, context.CancellationToken)
                ?? throw RpcErrors.NotFound($"Medical expense record {existing}");
        }

        var expense = new MedicalExpense { Id = Guid.CreateVersion7(), HouseholdId = household.Id, RegionCode = household.RegionCode, Hospital = "", RecordedBy = "" };
        db.Add(expense);
        return expense;
    }

    private async Task<LargeMedicalExpenditure> LargeExpenditureAsync(HouseholdMedicalYear year, ServerCallContext context)
    {
        var income = await db.Set<HouseholdIncomeYear>().AsNoTracking()
            .FirstOrDefaultAsync(y => y.HouseholdId == year.HouseholdId && y.Year == year.Year, context.CancellationToken);
        var share = policy.For(year.Year).LargeMedicalExpenditureShare;
        return new LargeMedicalExpenditure
        {
            Assessable = income is not null,
            AboveShare = income is not null && year.AboveIncomeShare,
            OutOfPocket = HealthMapping.Money(year.FamilyPaysFen),
            NetIncome = HealthMapping.Money(income?.NetIncomeFen ?? 0),
            Note = income is null
                ? $"not assessable: the registry has not reported the household's net income for {year.Year}; it is checked when the income arrives"
                : FormattableString.Invariant($"out-of-pocket {year.FamilyPaysFen} fen against {share * 100:0.#}% of net income {income.NetIncomeFen} fen"),
        };
    }
}
