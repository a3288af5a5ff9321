using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Contracts;
using Platform.Assistance.Data;
using Platform.Assistance.Households;
using Platform.Assistance.Policy;
using Platform.Messaging;
using Platform.Messaging.ChangeFeed;
using Platform.Persistence;

namespace Platform.Assistance.Guarantees;

/// <summary>
/// Recomputes the five guarantees of households and, where any finding changed, updates the stored
/// assessment and adds GuaranteeStatusChanged to the outbox. Nothing is saved here: the caller's
/// SaveChanges commits the records that caused the change, the new status and its event together.
/// </summary>
public sealed class GuaranteeAssessor(AssistanceDbContext db, IEnumerable<IAssessmentStep> steps, IEnumerable<IGuaranteeRule> rules, AssistancePolicy policy, TimeProvider time, AssistanceMetrics metrics)
{
    private readonly IReadOnlyList<IAssessmentStep> _steps = steps.ToList();
    private readonly IReadOnlyList<IGuaranteeRule> _rules = rules.ToList();

    /// <summary>Reassesses households by id (ids the replica does not know are skipped). Returns how many statuses changed.</summary>
    public async Task<int> AssessAsync(IReadOnlyCollection<Guid> householdIds, CancellationToken ct)
    {
        if (householdIds.Count == 0)
        {
            return 0;
        }

        // Read only: assessment never changes the replica, and untracked households keep SaveChanges cheap in bulk pushes.
        var households = await db.Households.AsNoTracking().Include(h => h.Members).Where(h => householdIds.Contains(h.Id)).ToListAsync(ct);
        return await AssessAsync(households, ct);
    }

    /// <summary>Reassesses households whose members are loaded (or tracked as just created).</summary>
    public async Task<int> AssessAsync(IReadOnlyList<AssistedHousehold> households, CancellationToken ct)
    {
        if (households.Count == 0)
        {
            return 0;
        }

        var (now, findings) = await DecideAsync(households, ct);
        var ids = households.Select(h => h.Id).ToList();
        var stored = await db.Guarantees.Where(g => ids.Contains(g.HouseholdId)).ToDictionaryAsync(g => g.HouseholdId, ct);

        // Rows added earlier in this unit of work (not yet saved), looked up once: Local per household would scan the tracker each time.
        foreach (var added in db.ChangeTracker.Entries<HouseholdGuarantees>().Where(e => e.State == EntityState.Added))
        {
            stored.TryAdd(added.Entity.HouseholdId, added.Entity);
        }

        var changed = 0;
        foreach (var household in households)
        {
            var row = stored.GetValueOrDefault(household.Id);
            var isNew = row is null;
            if (row is null)
            {
                row = db.Guarantees.Add(new HouseholdGuarantees { HouseholdId = household.Id, RegionCode = household.RegionCode }).Entity;
                stored[household.Id] = row;
            }

            if (Reassess(row, isNew, household, findings, now))
            {
                db.AddEvent(ToEvent(row), household.Id.ToString(), now);
                changed++;
            }
        }

        metrics.Assessed(households.Count, changed);
        return changed;
    }

    /// <summary>
    /// The same reassessment for a department push: the households, their stored rows and the
    /// rules' records are read untracked, the steps' tracked changes are saved first (their events
    /// precede the status events, as in <see cref="AssessAsync(IReadOnlyList{AssistedHousehold}, CancellationToken)"/>),
    /// then every guarantee row and status event is written with multi-row commands. Must run in
    /// the caller's transaction, so rows and events commit together or not at all. On SQL Server it
    /// is the tracked path and a SaveChanges.
    /// </summary>
    public async Task<int> AssessInBulkAsync(IReadOnlyCollection<Guid> householdIds, CancellationToken ct)
    {
        if (!BulkRows<HouseholdGuarantees>.Supports(db) || db.ChangeTracker.Entries<HouseholdGuarantees>().Any())
        {
            // A tracked guarantee row would be saved over the bulk one; the tracked path handles it.
            var tracked = await AssessAsync(householdIds, ct);
            await db.SaveChangesAsync(ct);
            return tracked;
        }

        var households = await db.Households.AsNoTracking().Include(h => h.Members).Where(h => householdIds.Contains(h.Id)).ToListAsync(ct);
        if (households.Count == 0)
        {
            return 0;
        }

        var (now, findings) = await DecideAsync(households, ct);
        var ids = households.Select(h => h.Id).ToList();
        var stored = await db.Guarantees.AsNoTracking().Where(g => ids.Contains(g.HouseholdId)).ToDictionaryAsync(g => g.HouseholdId, ct);
        var rows = new List<HouseholdGuarantees>(households.Count);
        var events = new List<OutboxMessage>();
        foreach (var household in households)
        {
            var row = stored.GetValueOrDefault(household.Id);
            var isNew = row is null;
            row ??= new HouseholdGuarantees { HouseholdId = household.Id, RegionCode = household.RegionCode };
            if (Reassess(row, isNew, household, findings, now))
            {
                events.Add(Outbox.NewRow(ToEvent(row), household.Id.ToString(), now));
            }

            rows.Add(row);
        }

        await db.SaveChangesAsync(ct);
        await new BulkRows<HouseholdGuarantees>(db, upsert: true).WriteAsync(rows, ct);
        await new BulkRows<OutboxMessage>(db, upsert: false, nameof(OutboxMessage.Id)).WriteAsync(events, ct);
        // Bulk rows bypass the change tracker, so their change-log rows are written here, in the same transaction.
        await new BulkRows<ChangeRecord>(db, upsert: false, nameof(ChangeRecord.Id)).WriteAsync(db.ChangeSources.ChangesFor(events), ct);
        ChangeLogInterceptor.Wrote(db);
        metrics.Assessed(households.Count, events.Count);
        return events.Count;
    }

    /// <summary>Runs the steps and the rules for the households: the findings of each guarantee by household.</summary>
    private async Task<(DateTime Now, Dictionary<Guarantee, IReadOnlyDictionary<Guid, GuaranteeFinding>> Findings)> DecideAsync(IReadOnlyList<AssistedHousehold> households, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var day = new AssessmentDay(DateOnly.FromDateTime(now), policy.For(now.Year));
        foreach (var step in _steps)
        {
            await step.RunAsync(db, households, day, ct);
        }

        var findings = new Dictionary<Guarantee, IReadOnlyDictionary<Guid, GuaranteeFinding>>();
        foreach (var rule in _rules)
        {
            findings[rule.Guarantee] = await rule.AssessAsync(db, households, day, ct);
        }

        return (now, findings);
    }

    /// <summary>
    /// Brings one household's row up to its findings, tracked or not. Answers whether the registry
    /// must hear of it (a new row, or a state or reason that changed); the row then has its new
    /// AllMet and ChangedAt.
    /// </summary>
    private static bool Reassess(HouseholdGuarantees row, bool isNew, AssistedHousehold household, Dictionary<Guarantee, IReadOnlyDictionary<Guid, GuaranteeFinding>> findings, DateTime now)
    {
        row.AssessedAt = now;
        row.RegionCode = household.RegionCode;

        var differs = isNew;
        foreach (var guarantee in Enum.GetValues<Guarantee>())
        {
            var finding = findings.TryGetValue(guarantee, out var byHousehold) && byHousehold.TryGetValue(household.Id, out var f)
                ? f
                : GuaranteeFinding.Unknown(NoRecordReason(guarantee));
            finding = finding with { Reason = Clip(finding.Reason, 400), DecidingRecord = Clip(finding.DecidingRecord, 80) };
            var kept = row.Get(guarantee).ToFinding();
            if (kept != finding)
            {
                // A newer record with the same verdict is kept without telling anyone: the registry acts on states and reasons only.
                differs |= kept.State != finding.State || kept.Reason != finding.Reason;
                row.Set(guarantee, finding);
            }
        }

        if (!differs)
        {
            return false;
        }

        row.AllMet = Enum.GetValues<Guarantee>().All(g => row.Get(g).State == GuaranteeState.Met);
        row.ChangedAt = now > row.ChangedAt ? now : row.ChangedAt.AddTicks(1);
        return true;
    }

    public static GuaranteeStatusChanged ToEvent(HouseholdGuarantees row) => new(
        row.HouseholdId,
        row.RegionCode,
        row.FoodAndClothing.State.ToString(),
        row.Education.State.ToString(),
        row.Medical.State.ToString(),
        row.Housing.State.ToString(),
        row.Water.State.ToString(),
        Enum.GetValues<Guarantee>()
            .Where(g => row.Get(g).State != GuaranteeState.Met)
            .Select(g => $"{g}: {row.Get(g).Reason}")
            .ToList(),
        row.ChangedAt);

    private static string NoRecordReason(Guarantee g) => g switch
    {
        Guarantee.FoodAndClothing => "the village has not declared food and clothing secure",
        Guarantee.Education => "no education assessment yet",
        Guarantee.Medical => "no basic medical insurance record yet",
        Guarantee.Housing => "the house has not been appraised",
        _ => "drinking water has not been assessed",
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
