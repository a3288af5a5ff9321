using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Monitoring;
using Platform.HouseholdRegistry.Policy;
using Platform.Messaging;
using Household = Platform.HouseholdRegistry.Households.Household;

namespace Platform.HouseholdRegistry.Income;

/// <summary>One amount to record; an entry with the same source and reference is replaced, not added.</summary>
public sealed record IncomeChange(int Year, string Category, IncomeKind Kind, string Source, string SourceReference, long AmountFen);

/// <summary>A recomputed year with the entries it was computed from.</summary>
public sealed record RecordedIncomeYear(IncomeYearSummary Summary, IReadOnlyList<IncomeEntry> Entries);

/// <summary>
/// Records income entries for the gRPC calls and the consumers alike: recomputes the affected
/// years, keeps the household's current income, publishes HouseholdIncomeRecorded, and evaluates
/// the income and large-rigid-expenditure monitoring triggers. Nothing is saved here, so the
/// caller commits the change, its events and its audit or inbox row together.
/// </summary>
public sealed class IncomeLedger(RegistryDbContext db, RegistryPolicy policy)
{
    /// <param name="household">Tracked, with its members loaded.</param>
    public async Task<IReadOnlyList<RecordedIncomeYear>> RecordAsync(
        Household household, IReadOnlyList<IncomeChange> changes, string by, DateTime now, CancellationToken cancellationToken)
    {
        var sources = changes.Select(c => c.Source).Distinct().ToList();
        var references = changes.Select(c => c.SourceReference).Distinct().ToList();
        var existing = await db.IncomeEntries
            .Where(e => e.HouseholdSeq == household.Seq && sources.Contains(e.Source) && references.Contains(e.SourceReference))
            .ToListAsync(cancellationToken);

        var years = changes.Select(c => c.Year).ToHashSet();
        var rigidIncreased = new HashSet<int>();
        foreach (var change in changes)
        {
            var entry = existing.FirstOrDefault(e => e.Source == change.Source && e.SourceReference == change.SourceReference);
            if (entry is null)
            {
                entry = new IncomeEntry
                {
                    Id = Guid.CreateVersion7(),
                    HouseholdSeq = household.Seq,
                    Category = change.Category,
                    Source = change.Source,
                    SourceReference = change.SourceReference,
                    RecordedBy = by,
                };
                db.IncomeEntries.Add(entry);
            }
            else
            {
                // A corrected report may move an amount to another year; both years are recomputed.
                years.Add(entry.Year);
            }

            if (change.Kind == IncomeKind.Expenditure && change.AmountFen > (entry.Kind == IncomeKind.Expenditure && entry.Year == change.Year ? entry.AmountFen : 0))
            {
                rigidIncreased.Add(change.Year);
            }

            entry.Year = change.Year;
            entry.Category = change.Category;
            entry.Kind = change.Kind;
            entry.AmountFen = change.AmountFen;
            entry.RecordedAt = now;
            entry.RecordedBy = by;
        }

        var stored = await db.IncomeEntries.Where(e => e.HouseholdSeq == household.Seq && years.Contains(e.Year)).ToListAsync(cancellationToken);
        var all = stored.Union(db.IncomeEntries.Local.Where(e => e.HouseholdSeq == household.Seq)).Distinct().ToList();
        var summaries = await db.IncomeYears.Where(y => y.HouseholdSeq == household.Seq && years.Contains(y.Year)).ToListAsync(cancellationToken);
        var memberCount = household.Members.Count(m => m.IsActive);

        var results = new List<RecordedIncomeYear>();
        foreach (var year in years.Order())
        {
            var entries = all.Where(e => e.Year == year).ToList();
            var figures = IncomeCalculator.Compute(entries, memberCount);
            var summary = summaries.FirstOrDefault(y => y.Year == year);
            if (summary is null)
            {
                summary = new IncomeYearSummary { HouseholdSeq = household.Seq, Year = year };
                db.IncomeYears.Add(summary);
            }

            summary.NetIncomeFen = figures.NetIncomeFen;
            summary.RigidExpenditureFen = figures.RigidExpenditureFen;
            summary.MemberCount = figures.MemberCount;
            summary.PerCapitaNetIncomeFen = figures.PerCapitaNetIncomeFen;
            summary.ExpenditureAdjustedPerCapitaFen = figures.ExpenditureAdjustedPerCapitaFen;
            summary.UpdatedAt = now;
            db.AddEvent(
                new HouseholdIncomeRecorded(household.Id, household.RegionCode, year, figures.NetIncomeFen, figures.PerCapitaNetIncomeFen, figures.RigidExpenditureFen, figures.MemberCount, now),
                household.Id.ToString(),
                now);
            results.Add(new RecordedIncomeYear(summary, entries));
        }

        var latest = results[^1].Summary;
        if (latest.Year >= (household.CurrentIncomeYear ?? int.MinValue))
        {
            household.CurrentIncomeYear = latest.Year;
            household.CurrentIncomePerCapitaFen = latest.PerCapitaNetIncomeFen;
            await ApplyTriggersAsync(household, latest, rigidIncreased.Contains(latest.Year), by, now, cancellationToken);
        }

        return results;
    }

    /// <summary>The triggers a household's current income year can pull, and the start of its run above the band.</summary>
    private async Task ApplyTriggersAsync(Household household, IncomeYearSummary current, bool rigidIncreased, string by, DateTime now, CancellationToken cancellationToken)
    {
        var yearPolicy = policy.For(current.Year);
        var record = await db.MonitoringRecords.FindAsync([household.Seq], cancellationToken);
        if (current.PerCapitaNetIncomeFen >= yearPolicy.MonitoringBandUpperFen)
        {
            record ??= db.MonitoringRecords.Add(new MonitoringRecord { HouseholdSeq = household.Seq }).Entity;
            record.IncomeAboveBandSince ??= now;
        }
        else
        {
            record?.IncomeAboveBandSince = null;
            MonitoringJournal.Apply(db, household, MonitoringTrigger.IncomeBelowBand,
                $"per-capita net income {IncomeCalculator.Yuan(current.PerCapitaNetIncomeFen)} of {current.Year} is below the monitoring band {IncomeCalculator.Yuan(yearPolicy.MonitoringBandUpperFen)}",
                current.PerCapitaNetIncomeFen, by, now, yearPolicy, current.PerCapitaNetIncomeFen, recordUnchanged: false);
        }

        if (rigidIncreased && IncomeCalculator.IsLargeRigidExpenditure(current.NetIncomeFen, current.RigidExpenditureFen, yearPolicy))
        {
            MonitoringJournal.Apply(db, household, MonitoringTrigger.LargeRigidExpenditure,
                $"rigid expenditure {IncomeCalculator.Yuan(current.RigidExpenditureFen)} of {current.Year} exceeds {yearPolicy.LargeRigidExpenditureShare:P0} of net income {IncomeCalculator.Yuan(current.NetIncomeFen)}",
                current.RigidExpenditureFen, by, now, yearPolicy, recordUnchanged: false);
        }
    }
}
