using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Contracts;
using Platform.Assistance.Data;
using Platform.Assistance.Households;
using Platform.Assistance.Policy;
using Platform.Messaging;

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
                continue;
            }

            row.AllMet = Enum.GetValues<Guarantee>().All(g => row.Get(g).State == GuaranteeState.Met);
            row.ChangedAt = now > row.ChangedAt ? now : row.ChangedAt.AddTicks(1);
            db.AddEvent(ToEvent(row), household.Id.ToString(), now);
            changed++;
        }

        metrics.Assessed(households.Count, changed);
        return changed;
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
