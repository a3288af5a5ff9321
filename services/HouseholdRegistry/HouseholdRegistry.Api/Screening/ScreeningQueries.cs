using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Household = Platform.HouseholdRegistry.Households.Household;
using Platform.HouseholdRegistry.Policy;
using Platform.Security;
using Platform.ServiceDefaults;
using Platform.Persistence;

namespace Platform.HouseholdRegistry.Screening;

/// <summary>A page of candidates with its paging answer.</summary>
internal sealed record CandidatePage(IReadOnlyList<ScreeningCandidate> Candidates, PageResponse Page);

/// <summary>The screening lists, read under one region. A roll entry and a household match when the head's ID hash is an active member's.</summary>
internal sealed class ScreeningQueries(RegistryDbContext db)
{
    public Task<CandidatePage> PriorityCandidatesAsync(RegionCode region, PageSpec page, CandidateKey? after, CancellationToken cancellationToken)
    {
        var ranked = HouseholdsUnder(region, [HouseholdStatus.Applied])
            .Select(h => new RankedRow { Seq = h.Seq, Priorities = h.PriorityCount, Income = h.DeclaredIncomePerCapitaFen });
        return HouseholdPageAsync(ranked, page, after, _ => "Applied, waiting for the village appraisal (组评议)", cancellationToken);
    }

    public Task<CandidatePage> MergeCandidatesAsync(RegionCode region, MergeCandidateList list, PageSpec page, CandidateKey? after, Caller caller, YearPolicy policy, CancellationToken cancellationToken)
    {
        if (list == MergeCandidateList.PoorHouseholdCandidates)
        {
            return PoorHouseholdCandidatesAsync(region, page, after, caller, policy, cancellationToken);
        }

        IReadOnlyList<HouseholdStatus> statuses = list == MergeCandidateList.AllowanceCandidates ? [HouseholdStatus.Registered] : TwoRollMerge.OnNeitherList;
        var ranked = OnNoAllowanceRoll(HouseholdsUnder(region, statuses))
            .Select(h => new RankedRow { Seq = h.Seq, Priorities = h.PriorityCount, Income = h.CurrentIncomePerCapitaFen ?? h.DeclaredIncomePerCapitaFen });
        if (list == MergeCandidateList.CandidatesForBoth)
        {
            ranked = ranked.Where(r => r.Income < policy.PovertyLineFen);
        }

        return HouseholdPageAsync(ranked, page, after, income => TwoRollMerge.Reason(list, income, policy), cancellationToken);
    }

    /// <summary>Households of a county filed for review (备案登记), newest first.</summary>
    public async Task<(List<ConflictOfInterestFiling> Filings, PageResponse Page)> ConflictOfInterestFilingsAsync(RegionCode county, PageSpec page, long? after, CancellationToken cancellationToken)
    {
        var query = db.Households.AsNoTracking().InRegion(h => h.RegionCode, county).Where(h => h.ConflictOfInterest);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Where(h => after == null || h.Seq < after)
            .OrderByDescending(h => h.Seq)
            .Take(page.Size + 1)
            .Include(h => h.Members)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var filings = rows.Take(page.Size).Select(h =>
        {
            var filing = new ConflictOfInterestFiling { HouseholdId = h.Id.ToString(), RegionCode = h.RegionCode, Status = h.Status, HeadName = HeadName(h) };
            filing.Kinships.AddRange(h.Facts.CadreKinships.Select(k => k.Clone()));
            return filing;
        }).ToList();
        return (filings, Paging.Response(rows, page, total, h => h.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Current 低保 entries below the line whose head is not in a registered (or exited) household; poorest first.</summary>
    private async Task<CandidatePage> PoorHouseholdCandidatesAsync(RegionCode region, PageSpec page, CandidateKey? after, Caller caller, YearPolicy policy, CancellationToken cancellationToken)
    {
        var registered = db.Households.Where(h => TwoRollMerge.OnRegistryList.Contains(h.Status))
            .SelectMany(h => h.Members).Where(m => m.IsActive).Select(m => m.NationalIdHash);
        var ranked = db.AssistanceRollEntries
            .InRegion(e => e.VillageCode, region)
            .Where(e => e.Kind == AssistanceRollKind.RuralMinimumLivingAllowance && e.EndedOn == null
                && e.PerCapitaIncomeFen < policy.PovertyLineFen
                && !registered.Contains(e.HeadNationalIdHash))
            .Select(e => new RankedRow { Seq = e.Seq, Priorities = 0, Income = e.PerCapitaIncomeFen });
        var total = await ranked.CountAsync(cancellationToken);
        var rows = await ranked.Page(after, page.Size).ToListAsync(cancellationToken);
        var seqs = rows.Select(r => r.Seq).ToList();
        var entries = await db.AssistanceRollEntries.AsNoTracking().Where(e => seqs.Contains(e.Seq)).ToDictionaryAsync(e => e.Seq, cancellationToken);
        var hashes = entries.Values.Select(e => e.HeadNationalIdHash).ToList();
        var applied = await db.Households.AsNoTracking().Include(h => h.Members)
            .Where(h => h.Members.Any(m => m.IsActive && hashes.Contains(m.NationalIdHash)))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var householdOf = applied.Where(h => caller.CanSee(RegionCode.Parse(h.RegionCode)))
            .SelectMany(h => h.Members.Where(m => m.IsActive).Select(m => (m.NationalIdHash, Household: h)))
            .ToDictionary(p => p.NationalIdHash, p => p.Household);

        var candidates = rows.Take(page.Size).Select(r =>
        {
            var entry = entries[r.Seq];
            var candidate = new ScreeningCandidate
            {
                RollEntryId = entry.Id.ToString(),
                RegionCode = entry.VillageCode,
                HeadName = entry.HeadName,
                IncomePerCapita = new Money { Fen = entry.PerCapitaIncomeFen },
                Reason = TwoRollMerge.Reason(MergeCandidateList.PoorHouseholdCandidates, entry.PerCapitaIncomeFen, policy),
            };
            if (householdOf.TryGetValue(entry.HeadNationalIdHash, out var household))
            {
                candidate.HouseholdId = household.Id.ToString();
                candidate.Status = household.Status;
                candidate.Priorities.AddRange(SixPriorities.FromMask(household.PriorityFlags));
            }

            return candidate;
        }).ToList();
        return new CandidatePage(candidates, Paging.Response(rows, page, total, r => CandidatePaging.KeyOf(r).ToString()));
    }

    private async Task<CandidatePage> HouseholdPageAsync(IQueryable<RankedRow> ranked, PageSpec page, CandidateKey? after, Func<long, string> reason, CancellationToken cancellationToken)
    {
        var total = await ranked.CountAsync(cancellationToken);
        var rows = await ranked.Page(after, page.Size).ToListAsync(cancellationToken);
        var seqs = rows.Select(r => r.Seq).ToList();
        var households = await db.Households.AsNoTracking().Include(h => h.Members).Where(h => seqs.Contains(h.Seq))
            .AsSplitQuery()
            .ToDictionaryAsync(h => h.Seq, cancellationToken);
        var candidates = rows.Take(page.Size).Select(r =>
        {
            var h = households[r.Seq];
            var candidate = new ScreeningCandidate
            {
                HouseholdId = h.Id.ToString(),
                RegionCode = h.RegionCode,
                HeadName = HeadName(h),
                IncomePerCapita = new Money { Fen = r.Income },
                Status = h.Status,
                Reason = reason(r.Income),
            };
            candidate.Priorities.AddRange(SixPriorities.FromMask(h.PriorityFlags));
            return candidate;
        }).ToList();
        return new CandidatePage(candidates, Paging.Response(rows, page, total, r => CandidatePaging.KeyOf(r).ToString()));
    }

    private IQueryable<Household> HouseholdsUnder(RegionCode region, IReadOnlyList<HouseholdStatus> statuses) =>
        db.Households.AsNoTracking().InRegion(h => h.RegionCode, region).Where(h => statuses.Contains(h.Status));

    /// <summary>Households none of whose active members heads a current 低保 or 特困 entry.</summary>
    private IQueryable<Household> OnNoAllowanceRoll(IQueryable<Household> households)
    {
        var current = db.AssistanceRollEntries.Where(e => e.EndedOn == null && TwoRollMerge.AllowanceRolls.Contains(e.Kind)).Select(e => e.HeadNationalIdHash);
        return households.Where(h => !h.Members.Any(m => m.IsActive && current.Contains(m.NationalIdHash)));
    }

    /// <summary>The active head of household, or the first active member when no head is recorded.</summary>
    private static string HeadName(Household h) =>
        h.Members.Where(m => m.IsActive).OrderBy(m => m.Relationship != Relationship.Head).ThenBy(m => m.Position).FirstOrDefault()?.Name ?? "";
}
