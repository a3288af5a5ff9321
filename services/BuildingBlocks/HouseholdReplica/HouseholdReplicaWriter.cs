using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.HouseholdReplica;

/// <summary>
/// Applies the registry's events to a service's replica, unsaved. The first event about a household
/// creates it; status and members only move forward in event time (<see cref="EventTime"/>), so late or
/// replayed events change nothing. A service derives its writer from this one to say how it creates its
/// rows, what it copies beyond the common part, and which other events it applies (<see cref="ApplyAsync"/>).
/// </summary>
public abstract class HouseholdReplicaWriter<THousehold, TMember>(DbContext db)
    where THousehold : ReplicaHousehold<TMember>
    where TMember : ReplicaMember
{
    protected DbContext Db => db;

    /// <summary>
    /// Applies one event and returns the household it is about. The base applies the registry's household
    /// events; a service overrides this for the other events it keeps and passes the rest on to the base.
    /// </summary>
    public virtual Task<THousehold> ApplyAsync(object message, CancellationToken ct) => message switch
    {
        HouseholdRegistered e => RegisteredAsync(e, ct),
        HouseholdMembersChanged e => MembersChangedAsync(e, ct),
        HouseholdExited e => ExitedAsync(e, ct),
        HouseholdReentered e => ReenteredAsync(e, ct),
        _ => throw new NotSupportedException($"{GetType().Name} does not apply {message.GetType().Name}"),
    };

    public async Task<THousehold> RegisteredAsync(HouseholdRegistered e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        var statusMoved = SetStatus(household, HouseholdStatus.Registered, e.RegisteredAt);
        OnRegistered(household, e, statusMoved);
        SetMembers(household, e.Members, e.RegisteredAt);
        return household;
    }

    public async Task<THousehold> MembersChangedAsync(HouseholdMembersChanged e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        SetMembers(household, e.Members, e.ChangedAt);
        return household;
    }

    public async Task<THousehold> ExitedAsync(HouseholdExited e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        if (SetStatus(household, HouseholdStatus.Exited, e.ExitedAt))
        {
            OnExited(household, e);
        }

        return household;
    }

    public async Task<THousehold> ReenteredAsync(HouseholdReentered e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        SetStatus(household, HouseholdStatus.Registered, e.ReenteredAt);
        return household;
    }

    /// <summary>The household with its members, created (unsaved) if no event about it arrived before.</summary>
    public async Task<THousehold> FindOrCreateAsync(Guid id, string regionCode, CancellationToken ct)
    {
        var household = await db.Set<THousehold>().Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            household = NewHousehold(id, regionCode);
            db.Add(household);
        }

        return household;
    }

    protected abstract THousehold NewHousehold(Guid id, string regionCode);

    protected abstract TMember NewMember(Guid id, Guid householdId);

    /// <summary>Copies what the service keeps of a member beyond birth date and labour capacity.</summary>
    protected virtual void CopyMember(TMember member, MemberFacts facts)
    {
    }

    /// <summary>What the service keeps of a registration beyond status and members; <paramref name="statusMoved"/> says whether it is the newest status.</summary>
    protected virtual void OnRegistered(THousehold household, HouseholdRegistered e, bool statusMoved)
    {
    }

    /// <summary>What the service keeps of an exit beyond the status; called only when the exit is the newest status.</summary>
    protected virtual void OnExited(THousehold household, HouseholdExited e)
    {
    }

    private static bool SetStatus(THousehold household, HouseholdStatus status, DateTime asOf)
    {
        if (!EventTime.IsNewer(household.StatusAsOf, asOf))
        {
            return false;
        }

        (household.Status, household.StatusAsOf) = (status, asOf);
        return true;
    }

    /// <summary>
    /// The full current member list replaces the old one: members no longer listed stay as former members
    /// (so their history stays readable), listed ones are added when new and then updated.
    /// </summary>
    private void SetMembers(THousehold household, IReadOnlyList<MemberFacts> facts, DateTime asOf)
    {
        if (!EventTime.IsNewer(household.MembersAsOf, asOf))
        {
            return;
        }

        household.MembersAsOf = asOf;
        var listed = facts.Select(f => f.MemberId).ToHashSet();
        foreach (var gone in household.Members.Where(m => !listed.Contains(m.Id)))
        {
            gone.IsCurrent = false;
        }

        foreach (var f in facts)
        {
            var member = household.Members.FirstOrDefault(m => m.Id == f.MemberId);
            if (member is null)
            {
                member = NewMember(f.MemberId, household.Id);
                household.Members.Add(member);
            }

            member.IsCurrent = true;
            member.BirthDate = f.BirthDate;
            member.LabourCapacity = RegistryValues.Parse<LabourCapacity>(f.LabourCapacity);
            CopyMember(member, f);
        }
    }
}
