using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Relocation.Contracts;
using Platform.Relocation.Data;
using Platform.Relocation.Plans;
using Platform.Relocation.Policy;
using Platform.Relocation.Sites;
using Platform.ServiceDefaults;

namespace Platform.Relocation.FollowUp;

/// <summary>
/// Brings a relocated family's follow-up up to date after anything that may change it (a job started
/// or ended, members changed, a wish recorded, the move-in): re-assesses its employment, and opens or
/// closes its zero-employment case with the event, unsaved — the caller's SaveChanges commits the
/// change and its event together. Follow-up starts once the family has moved in.
/// </summary>
public sealed class FollowUpReconciler(RelocationDbContext db, RelocationPolicy policy, RelocationMetrics metrics)
{
    public async Task ReconcileAsync(Guid householdId, DateTime now, CancellationToken ct)
    {
        var plan = await db.Set<RelocationPlan>().FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct);
        if (plan is null || !plan.HasMovedIn)
        {
            return;
        }

        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == householdId, ct);
        var family = FamilyEmployment.Assess(household?.Members ?? [], await JobsOfAsync(householdId, ct), DateOnly.FromDateTime(now), policy.For(now.Year));
        (plan.MembersSeekingWork, plan.MembersEmployed, plan.IsZeroEmployment, plan.FollowUpAsOf) =
            (family.SeekingWork.Count, family.Employed.Count, family.IsZeroEmployment, now);
        plan.FollowUpVersion++;

        var open = await db.Set<FollowUpCase>().FirstOrDefaultAsync(c => c.HouseholdId == householdId && c.ClosedAt == null, ct);
        if (family.IsZeroEmployment && open is null)
        {
            await OpenAsync(plan, family, now, ct);
        }
        else if (!family.IsZeroEmployment && open is not null)
        {
            Close(plan, open, family, now);
        }
    }

    /// <summary>
    /// Saves a gRPC call's change after <see cref="ReconcileAsync"/>. When an event of the same family
    /// was applied in between, the call is Aborted (retry it) rather than acting on what it read.
    /// </summary>
    public async Task SaveForCallAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw RpcErrors.Aborted("The family's follow-up changed at the same time; try again.");
        }
    }

    /// <summary>The household's jobs: those saved, and those added in this unit of work but not yet saved.</summary>
    private async Task<IEnumerable<MemberJob>> JobsOfAsync(Guid householdId, CancellationToken ct)
    {
        var jobs = db.Set<MemberJob>();
        await jobs.Where(j => j.HouseholdId == householdId).LoadAsync(ct);
        return jobs.Local.Where(j => j.HouseholdId == householdId);
    }

    private async Task OpenAsync(RelocationPlan plan, FamilyEmployment family, DateTime now, CancellationToken ct)
    {
        var site = await db.Set<Site>().AsNoTracking().FirstAsync(s => s.Id == plan.SiteId, ct);
        var opened = new FollowUpCase
        {
            Id = Guid.NewGuid(),
            HouseholdId = plan.HouseholdId,
            SiteId = plan.SiteId,
            SiteRegionCode = plan.SiteRegionCode,
            OpenedAt = now,
            AssignedTo = site.CaseOfficerSubject,
            AssigneeName = site.CaseOfficerName,
            AssignedAt = site.CaseOfficerSubject is null ? null : now,
        };
        db.Add(opened);
        db.AddEvent(new ZeroEmploymentCaseOpened(opened.Id, plan.HouseholdId, plan.SiteId, plan.SiteRegionCode, family.SeekingWork, now, plan.OriginRegionCode), plan.HouseholdId.ToString(), now);
        metrics.CaseOpened();
    }

    private void Close(RelocationPlan plan, FollowUpCase open, FamilyEmployment family, DateTime now)
    {
        open.Outcome = family.Employed.Count > 0 ? CaseOutcome.Employed : CaseOutcome.NoLabourSeekingWork;
        open.ClosedAt = now;
        open.ClosingEmploymentId = family.AnyRunningJob;
        db.AddEvent(
            new ZeroEmploymentCaseClosed(open.Id, open.HouseholdId, open.SiteId, open.SiteRegionCode, open.Outcome.ToString(), open.ClosingEmploymentId, now, plan.OriginRegionCode),
            open.HouseholdId.ToString(),
            now);
        metrics.CaseClosed(open.Outcome);
    }
}
