using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Employment.Contracts;
using Platform.Employment.Data;
using Platform.Messaging;
using Platform.ServiceDefaults;

namespace Platform.Employment.Assets;

/// <summary>
/// Pays a dividend run chunk by chunk in household-id order. The split plan is fixed when the run
/// starts, so each household's amount follows from its own shares and the totals add up exactly
/// however the chunks fall; the cursor moves in the chunk's own transaction, so a resumed run
/// starts with the first household not yet paid.
/// </summary>
public sealed partial class DividendRunner(
    EmploymentDbContext db, TimeProvider time, EmploymentMetrics metrics, IOptions<AssetIncomeOptions> options, ILogger<DividendRunner> logger)
{
    /// <summary>Adds a new run with its plan (not yet saved; the caller saves it with its audit record).</summary>
    public async Task<DividendRun> StartAsync(Guid projectId, string runKey, int year, long amountFen, string startedBy, CancellationToken ct)
    {
        var holdings = db.Set<ProjectShare>().AsNoTracking().Where(s => s.ProjectId == projectId);
        var groups = await holdings.GroupBy(s => s.Shares).Select(g => new { Shares = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (groups.Count == 0)
        {
            throw RpcErrors.FailedPrecondition("The project has no quantified shares (折股量化) to pay a dividend on.");
        }

        var plan = await DividendSplitter.PlanAsync(amountFen, groups.ToDictionary(g => g.Shares, g => g.Count), async (shares, k) =>
        {
            // Only the households at the fraction where the remainder fen run out are read, and sorted
            // here rather than by the database, whose order of ids differs between providers.
            var ids = await holdings.Where(s => shares.Contains(s.Shares)).Select(s => s.HouseholdId).ToListAsync(ct);
            ids.Sort();
            return ids[k - 1];
        });

        return db.Set<DividendRun>().Add(new DividendRun
        {
            Id = Guid.CreateVersion7(),
            ProjectId = projectId,
            RunKey = runKey,
            Year = year,
            AmountFen = amountFen,
            TotalShares = plan.TotalShares,
            Households = groups.Sum(g => g.Count),
            BoundaryFraction = plan.BoundaryFraction,
            BoundaryCutoff = plan.Cutoff,
            Status = DividendRunStatus.Running,
            StartedBy = startedBy,
            StartedAt = time.GetUtcNow().UtcDateTime,
        }).Entity;
    }

    /// <summary>Pays the next chunks of a saved, running run until it completes (or <paramref name="maxChunks"/> were paid).</summary>
    public async Task ContinueAsync(DividendRun run, CancellationToken ct, int maxChunks = int.MaxValue)
    {
        var size = Math.Max(1, options.Value.DividendChunkSize);
        var plan = run.Plan;
        for (var chunks = 0; run.Status == DividendRunStatus.Running && chunks < maxChunks; chunks++)
        {
            var query = db.Set<ProjectShare>().AsNoTracking().Where(s => s.ProjectId == run.ProjectId);
            if (run.LastHouseholdId is { } last)
            {
                query = query.Where(s => s.HouseholdId.CompareTo(last) > 0);
            }

            var chunk = await query.OrderBy(s => s.HouseholdId).Take(size).ToListAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            long chunkFen = 0;
            foreach (var holding in chunk)
            {
                var amount = plan.AmountFor(holding.HouseholdId, holding.Shares);
                if (amount == 0)
                {
                    // A holding too small for a whole fen this time: nothing to pay or to report as income.
                    continue;
                }

                var paymentId = DeterministicIds.DividendPayment(run.ProjectId, run.RunKey, holding.HouseholdId);
                db.Set<DividendPayment>().Add(new DividendPayment
                {
                    Id = paymentId, RunId = run.Id, ProjectId = run.ProjectId, HouseholdId = holding.HouseholdId,
                    Year = run.Year, AmountFen = amount, PaidAt = now,
                });
                db.AddEvent(new DividendPaid(holding.HouseholdId, paymentId, run.ProjectId, run.Year, amount, now), holding.HouseholdId.ToString(), now);
                chunkFen += amount;
                run.PaidHouseholds++;
            }

            run.ProcessedHouseholds += chunk.Count;
            run.PaidFen += chunkFen;
            run.LastHouseholdId = chunk.Count > 0 ? chunk[^1].HouseholdId : run.LastHouseholdId;
            if (chunk.Count < size)
            {
                Complete(run, now);
            }

            run.Version++;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            db.Attach(run);
            metrics.IncomePaid("dividend", chunkFen);
        }
    }

    private void Complete(DividendRun run, DateTime now)
    {
        if (run.PaidFen != run.AmountFen || run.ProcessedHouseholds != run.Households)
        {
            // Shares cannot change during a run; if they did anyway, stop before reporting a wrong total.
            throw new InvalidOperationException($"Dividend run {run.Id} paid {run.PaidFen} of {run.AmountFen} fen to {run.ProcessedHouseholds} of {run.Households} households.");
        }

        run.Status = DividendRunStatus.Completed;
        run.CompletedAt = now;
        LogRunCompleted(logger, run.Id, run.ProjectId, run.RunKey, run.AmountFen, run.PaidHouseholds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dividend run {RunId} of project {ProjectId} ({RunKey}) paid {AmountFen} fen to {Households} households")]
    private static partial void LogRunCompleted(ILogger logger, Guid runId, Guid projectId, string runKey, long amountFen, int households);
}
