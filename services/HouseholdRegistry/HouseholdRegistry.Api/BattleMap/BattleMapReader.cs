using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Helpers;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.BattleMap;

/// <summary>
/// A page of a village's battle map (挂图作战) in a fixed number of queries, whatever the page
/// size: households with members, their helpers, their measures, and the village totals.
/// </summary>
internal static class BattleMapReader
{
    public static async Task<GetBattleMapResponse> ReadAsync(RegistryDbContext db, string village, HouseholdStatus status, PageSpec page, long? after, CancellationToken ct)
    {
        var size = page.Size;
        var query = db.Households.AsNoTracking().Where(h => h.RegionCode == village);
        query = status == HouseholdStatus.Unspecified
            ? query.Where(h => h.Status == HouseholdStatus.Registered || h.Status == HouseholdStatus.Exited)
            : query.Where(h => h.Status == status);
        var totals = await TotalsAsync(db, village, ct);

        // The page total comes from the maintained tallies: counting a large village's households on every page would not stay fast.
        var total = status switch
        {
            HouseholdStatus.Registered => totals.RegisteredHouseholds,
            HouseholdStatus.Exited => totals.ExitedHouseholds,
            _ => totals.RegisteredHouseholds + totals.ExitedHouseholds,
        };
        var households = await query.Where(h => after == null || h.Seq > after).OrderBy(h => h.Seq).Take(size + 1)
            .Include(h => h.Members.Where(m => m.IsActive)).AsSplitQuery().ToListAsync(ct);
        var shown = households.Take(size).ToList();

        var helperIds = shown.Where(h => h.HelperId is not null).Select(h => h.HelperId!.Value).Distinct().ToList();
        var helpers = await db.Helpers.AsNoTracking().Where(h => helperIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var householdIds = shown.Select(h => h.Id).ToList();
        var measures = (await db.AssistanceMeasures.AsNoTracking().Where(m => householdIds.Contains(m.HouseholdId)).OrderBy(m => m.Seq).ToListAsync(ct))
            .ToLookup(m => m.HouseholdId);

        var sources = await MainIncomeSourcesAsync(db, shown, ct);

        var response = new GetBattleMapResponse
        {
            VillageCode = village,
            Totals = totals,
            Page = Paging.Response(households, page, total, h => h.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        response.Rows.AddRange(shown.Select(h =>
        {
            var helper = h.HelperId is { } id ? helpers.GetValueOrDefault(id) : null;
            var own = measures[h.Id].ToList();
            var row = new BattleMapRow
            {
                HouseholdId = h.Id.ToString(),
                HeadName = h.Members.OrderBy(m => m.Position).FirstOrDefault(m => m.Relationship == Relationship.Head)?.Name
                    ?? h.Members.OrderBy(m => m.Position).FirstOrDefault()?.Name ?? "",
                MemberCount = h.Members.Count,
                IncomePerCapitaAtRegistration = h.IncomePerCapitaAtRegistrationFen is { } atRegistration ? new Money { Fen = atRegistration } : null,
                CurrentIncomePerCapita = h.CurrentIncomePerCapitaFen is { } current ? new Money { Fen = current } : null,
                CurrentIncomeYear = h.CurrentIncomeYear ?? 0,
                PrimaryCause = h.PrimaryCause,
                MeasuresPlanned = own.Count(m => m.Status == MeasureStatus.Planned),
                MeasuresDone = own.Count(m => m.Status == MeasureStatus.Done),
                PlannedExitYear = h.PlannedExitYear ?? 0,
                HelperName = helper?.Name ?? "",
                HelperWorkUnit = helper?.WorkUnit ?? "",
                Status = h.Status,
                MonitoringCategory = h.MonitoringCategory,
            };
            row.OtherCauses.AddRange(h.OtherCauses);
            row.MainIncomeSources.AddRange(sources[h.Seq]);
            row.Measures.AddRange(own.Select(m => m.ToMessage()));
            return row;
        }));
        return response;
    }

    /// <summary>Per household, its largest income categories (at most three) in the year of its current income, in one query.</summary>
    private static async Task<ILookup<long, string>> MainIncomeSourcesAsync(RegistryDbContext db, List<Households.Household> shown, CancellationToken ct)
    {
        var seqs = shown.Where(h => h.CurrentIncomeYear is not null).Select(h => h.Seq).ToList();
        var yearOf = shown.Where(h => h.CurrentIncomeYear is not null).ToDictionary(h => h.Seq, h => h.CurrentIncomeYear!.Value);
        var sums = await db.IncomeEntries.AsNoTracking()
            .Where(e => seqs.Contains(e.HouseholdSeq) && e.Kind == IncomeKind.Income)
            .GroupBy(e => new { e.HouseholdSeq, e.Year, e.Category })
            .Select(g => new { g.Key.HouseholdSeq, g.Key.Year, g.Key.Category, Amount = g.Sum(e => e.AmountFen) })
            .ToListAsync(ct);
        return sums.Where(s => s.Amount > 0 && yearOf[s.HouseholdSeq] == s.Year)
            .GroupBy(s => s.HouseholdSeq)
            .SelectMany(g => g.OrderByDescending(s => s.Amount).Take(3).Select(s => (g.Key, s.Category)))
            .ToLookup(x => x.Key, x => x.Category);
    }

    /// <summary>Village totals from the maintained tallies and the measures index, not from the households.</summary>
    private static async Task<BattleMapTotals> TotalsAsync(RegistryDbContext db, string village, CancellationToken ct)
    {
        var tallies = await db.RegionTallies.AsNoTracking()
            .Where(t => t.VillageCode == village && (t.Status == HouseholdStatus.Registered || t.Status == HouseholdStatus.Exited))
            .GroupBy(t => t.Status).Select(g => new { Status = g.Key, Households = g.Sum(t => t.Households), People = g.Sum(t => t.People) })
            .ToListAsync(ct);
        var measures = await db.AssistanceMeasures.AsNoTracking().Where(m => m.VillageCode == village)
            .GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var registered = tallies.FirstOrDefault(t => t.Status == HouseholdStatus.Registered);
        var exited = tallies.FirstOrDefault(t => t.Status == HouseholdStatus.Exited);
        return new BattleMapTotals
        {
            RegisteredHouseholds = registered?.Households ?? 0,
            RegisteredPeople = registered?.People ?? 0,
            ExitedHouseholds = exited?.Households ?? 0,
            ExitedPeople = exited?.People ?? 0,
            MeasuresTotal = measures.Sum(m => m.Count),
            MeasuresDone = measures.Where(m => m.Status == MeasureStatus.Done).Sum(m => m.Count),
        };
    }
}
