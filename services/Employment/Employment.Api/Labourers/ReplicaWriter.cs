using Microsoft.EntityFrameworkCore;
using Platform.Employment.Data;
using Platform.HouseholdRegistry.Contracts;
using Platform.Relocation.Contracts;

namespace Platform.Employment.Labourers;

/// <summary>
/// Applies the registry's events to the replica, unsaved. The first event about a household creates
/// it; status and members only move forward in event time, so late or replayed events change nothing.
/// </summary>
public sealed class ReplicaWriter(EmploymentDbContext db)
{
    public async Task<LabourHousehold> RegisteredAsync(HouseholdRegistered e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        SetStatus(household, HouseholdStatus.Registered, e.RegisteredAt);
        SetMembers(household, e.Members, e.RegisteredAt);
        return household;
    }

    public async Task<LabourHousehold> MembersChangedAsync(HouseholdMembersChanged e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        SetMembers(household, e.Members, e.ChangedAt);
        return household;
    }

    public async Task<LabourHousehold> ExitedAsync(HouseholdExited e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        SetStatus(household, HouseholdStatus.Exited, e.ExitedAt);
        return household;
    }

    public async Task<LabourHousehold> ReenteredAsync(HouseholdReentered e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        SetStatus(household, HouseholdStatus.Registered, e.ReenteredAt);
        return household;
    }

    /// <summary>A zero-employment case opened for the family; a later close of the same case clears it.</summary>
    public async Task<LabourHousehold> ZeroEmploymentCaseOpenedAsync(ZeroEmploymentCaseOpened e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.OriginRegionCode, ct);
        if (IsNewer(household.ZeroEmploymentAsOf, e.OpenedAt))
        {
            (household.ZeroEmploymentCaseId, household.ZeroEmploymentAsOf) = (e.CaseId, e.OpenedAt);
        }

        return household;
    }

    public async Task<LabourHousehold> ZeroEmploymentCaseClosedAsync(ZeroEmploymentCaseClosed e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.OriginRegionCode, ct);
        if (IsNewer(household.ZeroEmploymentAsOf, e.ClosedAt))
        {
            (household.ZeroEmploymentCaseId, household.ZeroEmploymentAsOf) = (null, e.ClosedAt);
        }

        return household;
    }

    private static bool IsNewer(DateTime? kept, DateTime incoming) => kept is null || incoming > kept;

    private static void SetStatus(LabourHousehold household, HouseholdStatus status, DateTime asOf)
    {
        if (IsNewer(household.StatusAsOf, asOf))
        {
            (household.Status, household.StatusAsOf) = (status, asOf);
        }
    }

    private async Task<LabourHousehold> FindOrCreateAsync(Guid id, string regionCode, CancellationToken ct)
    {
        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            household = new LabourHousehold { Id = id, RegionCode = regionCode };
            db.Households.Add(household);
        }

        return household;
    }

    /// <summary>The full current member list replaces the old one; members no longer listed stay as former members.</summary>
    private static void SetMembers(LabourHousehold household, IReadOnlyList<MemberFacts> facts, DateTime asOf)
    {
        if (!IsNewer(household.MembersAsOf, asOf))
        {
            return;
        }

        household.MembersAsOf = asOf;
        facts.ApplyTo(household.Members, id => new Labourer { Id = id, HouseholdId = household.Id }, (member, f) =>
        {
            member.Sex = f.Sex;
            member.BirthDate = f.BirthDate;
            member.LabourCapacity = Enum.TryParse<LabourCapacity>(f.LabourCapacity, ignoreCase: true, out var capacity) && Enum.IsDefined(capacity) ? capacity : LabourCapacity.Unspecified;
            member.NationalIdLookup = f.NationalIdLookup ?? member.NationalIdLookup;
        });
    }
}
