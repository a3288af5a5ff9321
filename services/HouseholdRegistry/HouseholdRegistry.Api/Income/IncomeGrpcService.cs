using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Policy;
using Platform.Persistence;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Income;

/// <summary>Yearly household income, and the pre-exit marking (预脱贫标注) it decides (second part of this class).</summary>
public sealed partial class IncomeGrpcService(RegistryDbContext db, IncomeLedger ledger, RegistryPolicy policy, TimeProvider time) : IncomeService.IncomeServiceBase
{
    private const string EntityType = "household";

    [Allow(Roles.Recorders, "record income surveys")]
    public override async Task<RecordIncomeSurveyResponse> RecordIncomeSurvey(RecordIncomeSurveyRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var id = Ids.Require(request.HouseholdId, violations, "household_id");
        violations.Check(request.Year <= now.Year, "year", $"must not be after {now.Year}");
        var amounts = new (Pa.Common.V1.Money? Amount, string Category, IncomeKind Kind)[]
        {
            (request.Wages, IncomeCategories.Wages, IncomeKind.Income),
            (request.ProductionNet, IncomeCategories.ProductionNet, IncomeKind.Income),
            (request.Property, IncomeCategories.Property, IncomeKind.Income),
            (request.Transfer, IncomeCategories.Transfer, IncomeKind.Income),
            (request.MedicalExpenditure, IncomeCategories.MedicalExpenditure, IncomeKind.Expenditure),
            (request.EducationExpenditure, IncomeCategories.EducationExpenditure, IncomeKind.Expenditure),
        };
        violations.ThrowIfAny();
        var household = await RegistryCalls.FindAsync(db.Households.Include(h => h.Members), id, caller, context.CancellationToken);

        // The survey reference is the year and field, so a new survey of the year replaces the last one.
        var changes = amounts.Select(a => new IncomeChange(request.Year, a.Category, a.Kind, IncomeCategories.VillageSurvey, $"{request.Year}/{a.Category}", a.Amount?.Fen ?? 0)).ToList();
        var years = await ledger.RecordAsync(household, changes, caller.Subject, now, context.CancellationToken);
        db.Audit(context, "income.record-survey", EntityType, household.Id);
        await RegistryCalls.SaveAsync(db, context.CancellationToken);

        var recorded = years.Single(y => y.Summary.Year == request.Year);
        return new RecordIncomeSurveyResponse
        {
            Income = recorded.Summary.ToMessage(recorded.Entries, policy.For(request.Year)),
            MonitoringCategory = household.MonitoringCategory,
        };
    }

    [Allow(Roles.Readers, "read household income")]
    public override async Task<GetIncomeResponse> GetIncome(GetIncomeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Ids.Require(request.HouseholdId, "household_id");
        var household = await RegistryCalls.FindAsync(db.Households.AsNoTracking(), id, caller, context.CancellationToken);

        var summaries = await db.IncomeYears.AsNoTracking().Where(y => y.HouseholdSeq == household.Seq).ToListAsync(context.CancellationToken);
        var entries = await db.IncomeEntries.AsNoTracking().Where(e => e.HouseholdSeq == household.Seq).ToListAsync(context.CancellationToken);
        db.Audit(context, "income.read", EntityType, household.Id);
        await db.SaveChangesAsync(context.CancellationToken);

        var response = new GetIncomeResponse { HouseholdId = household.Id.ToString() };
        response.Years.AddRange(summaries.OrderByDescending(y => y.Year)
            .Select(y => y.ToMessage(entries.Where(e => e.Year == y.Year), policy.For(y.Year))));
        return response;
    }
}
