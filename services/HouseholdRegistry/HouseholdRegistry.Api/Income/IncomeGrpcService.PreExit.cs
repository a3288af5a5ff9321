using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.Persistence;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Income;

/// <summary>Pre-exit marking (预脱贫标注) of a region's registered households, and the marked households in exit order.</summary>
public sealed partial class IncomeGrpcService
{
    /// <summary>Enough reasons for a county officer to act on; the total says how many more there are.</summary>
    public const int MaxNotEligibleListed = 200;

    [Allow(Roles.CountyOfficer, "run pre-exit marking")]
    public override async Task<RunPreExitMarkingResponse> RunPreExitMarking(RunPreExitMarkingRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        CheckYear(request.Year, now, violations);
        violations.ThrowIfAny();

        var prefix = region.SignificantPrefix;
        var households = await db.Households
            .InRegion(h => h.RegionCode, prefix)
            .Where(h => h.Status == HouseholdStatus.Registered)
            .OrderBy(h => h.Seq)
            .ToListAsync(context.CancellationToken);
        var incomes = await LatestIncomesAsync(prefix, request.Year, context.CancellationToken);

        var response = new RunPreExitMarkingResponse { Evaluated = households.Count };
        var purpose = context.AccessPurpose();
        foreach (var household in households)
        {
            var income = incomes.GetValueOrDefault(household.Seq);
            var reasons = ExitEligibility.Evaluate(household, income, household.Guarantees, policy.For(income?.Year ?? request.Year));
            if (reasons.Count == 0)
            {
                response.Marked++;
                if (household.PreExitMarkedYear != request.Year)
                {
                    household.PreExitMarkedYear = request.Year;
                    response.NewlyMarked++;
                    db.Record(caller, "exit.pre-mark", EntityType, household.Id.ToString(), purpose, now, CallContextExtensions.TraceId);
                }

                continue;
            }

            if (household.PreExitMarkedYear == request.Year)
            {
                household.PreExitMarkedYear = null;
                response.Unmarked++;
                db.Record(caller, "exit.pre-unmark", EntityType, household.Id.ToString(), purpose, now, CallContextExtensions.TraceId);
            }

            response.NotEligibleTotal++;
            if (response.NotEligible.Count < MaxNotEligibleListed)
            {
                response.NotEligible.Add(new NotEligibleHousehold { HouseholdId = household.Id.ToString(), Reasons = { reasons } });
            }
        }

        db.Record(caller, "exit.pre-mark-run", "region", region.Value, purpose, now, CallContextExtensions.TraceId);
        await RegistryCalls.SaveAsync(db, context.CancellationToken);
        return response;
    }

    [Allow(Roles.Readers, "list exit candidates")]
    public override async Task<ListExitCandidatesResponse> ListExitCandidates(ListExitCandidatesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = time.GetUtcNow().UtcDateTime;
        var violations = new FieldViolations();
        var region = RegionAccess.ListingRegion(caller, request.RegionCode, violations, "region_code");
        CheckYear(request.Year, now, violations);
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        ExitOrder? after = null;
        if (page.After is not null)
        {
            violations.Check(ExitOrder.TryParseKey(page.After, out var key), "page.page_token", "is not a token returned by this service");
            after = key;
        }

        violations.ThrowIfAny();

        var prefix = region.SignificantPrefix;
        var marked = await db.Households.AsNoTracking()
            .InRegion(h => h.RegionCode, prefix)
            .Where(h => h.Status == HouseholdStatus.Registered && h.PreExitMarkedYear == request.Year)
            .ToListAsync(context.CancellationToken);
        var incomes = await LatestIncomesAsync(prefix, request.Year, context.CancellationToken);

        // Ordered in memory: the margin needs each income year's own line, and one region's marks of one year are a bounded set.
        var ordered = marked
            .Select(h =>
            {
                var income = incomes.GetValueOrDefault(h.Seq);
                var margin = income is null ? 0 : checked(income.PerCapitaNetIncomeFen - policy.For(income.Year).PovertyLineFen);
                return (Household: h, Income: income, Margin: margin, Order: ExitOrder.Of(h.PlannedExitYear, h.Pathway, margin, h.Seq, request.Year));
            })
            .OrderBy(c => c.Order)
            .ToList();
        var rows = ordered.Where(c => after is null || c.Order.CompareTo(after.Value) > 0).Take(page.Size + 1).ToList();

        db.Audit(context, "exit.list-candidates", "region", region.Value);
        await db.SaveChangesAsync(context.CancellationToken);

        var response = new ListExitCandidatesResponse { Page = Paging.Response(rows, page, ordered.Count, c => c.Order.ToKey()) };
        response.Candidates.AddRange(rows.Take(page.Size).Select(c => new ExitCandidate
        {
            HouseholdId = c.Household.Id.ToString(),
            RegionCode = c.Household.RegionCode,
            PlannedExitYear = c.Household.PlannedExitYear ?? 0,
            Pathway = c.Household.Pathway,
            IncomeYear = c.Income?.Year ?? 0,
            PerCapitaNetIncome = IncomeMapping.Fen(c.Income?.PerCapitaNetIncomeFen ?? 0),
            MarginOverLine = IncomeMapping.Fen(c.Margin),
        }));
        return response;
    }

    /// <summary>Marking looks at most one year ahead of the clock; a list's contract lets 0 through, to be named here with its page.</summary>
    private static void CheckYear(int year, DateTime now, FieldViolations violations) =>
        violations.Check(year >= 2000 && year <= now.Year + 1, "year", $"must be a year from 2000 to {now.Year + 1}");

    /// <summary>Each registered household's latest income year up to <paramref name="year"/>: pre-exit marking early in a year rests on the last survey.</summary>
    private async Task<Dictionary<long, IncomeYearSummary>> LatestIncomesAsync(string regionPrefix, int year, CancellationToken cancellationToken)
    {
        // From the region's households to their income years: the region's index, then each household's years.
        var rows = await db.Households.AsNoTracking()
            .InRegion(h => h.RegionCode, regionPrefix)
            .Where(h => h.Status == HouseholdStatus.Registered)
            .Join(db.IncomeYears.AsNoTracking().Where(y => y.Year <= year), h => h.Seq, y => y.HouseholdSeq, (_, y) => y)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(y => y.HouseholdSeq).ToDictionary(g => g.Key, g => g.MaxBy(y => y.Year)!);
    }
}
