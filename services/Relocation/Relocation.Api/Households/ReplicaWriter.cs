using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Contracts;
using Platform.Relocation.Data;

namespace Platform.Relocation.Households;

/// <summary>
/// Applies the registry's and the assistance service's events to the replica, unsaved. The first
/// event about a household creates it; each part (status, members, income, guarantees) only moves
/// forward in event time, so late or replayed events change nothing.
/// </summary>
public sealed class ReplicaWriter(RelocationDbContext db)
{
    public async Task RegisteredAsync(HouseholdRegistered e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        if (IsNewer(household.StatusAsOf, e.RegisteredAt))
        {
            household.Pathway = e.Pathway;
        }

        SetStatus(household, HouseholdStatus.Registered, e.RegisteredAt);
        SetMembers(household, e.Members, e.RegisteredAt);
    }

    public async Task MembersChangedAsync(HouseholdMembersChanged e, CancellationToken ct) =>
        SetMembers(await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct), e.Members, e.ChangedAt);

    public async Task ExitedAsync(HouseholdExited e, CancellationToken ct) =>
        SetStatus(await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct), HouseholdStatus.Exited, e.ExitedAt);

    public async Task ReenteredAsync(HouseholdReentered e, CancellationToken ct) =>
        SetStatus(await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct), HouseholdStatus.Registered, e.ReenteredAt);

    /// <summary>Keeps the latest year's income; within a year, the latest recording.</summary>
    public async Task IncomeRecordedAsync(HouseholdIncomeRecorded e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        var newer = household.IncomeYear is null || e.Year > household.IncomeYear
            || (e.Year == household.IncomeYear && IsNewer(household.IncomeAsOf, e.RecordedAt));
        if (newer)
        {
            (household.IncomeYear, household.PerCapitaNetIncomeFen, household.IncomeAsOf) = (e.Year, e.PerCapitaNetIncomeFen, e.RecordedAt);
        }
    }

    public async Task GuaranteesChangedAsync(GuaranteeStatusChanged e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        if (!IsNewer(household.GuaranteesAsOf, e.ChangedAt))
        {
            return;
        }

        household.GuaranteesAsOf = e.ChangedAt;
        household.Guarantees = new GuaranteeStatus
        {
            FoodAndClothing = e.FoodAndClothing, Education = e.Education, Medical = e.Medical, Housing = e.Housing, Water = e.Water,
        };
        household.GuaranteeReasons = [.. e.Reasons];
    }

    /// <summary>
    /// Sets a member's wish to work if it is newer than the one kept. A wish about a member the
    /// registry has not listed yet is kept on a placeholder that the member list fills in later.
    /// </summary>
    public async Task WorkWishAsync(Guid householdId, string regionCode, Guid memberId, WorkWish wish, string? reason, DateTime asOf, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(householdId, regionCode, ct);
        var member = household.Members.FirstOrDefault(m => m.Id == memberId);
        if (member is null)
        {
            member = new RelocatedMember { Id = memberId, HouseholdId = householdId, IsCurrent = false };
            household.Members.Add(member);
        }

        if (IsNewer(member.WorkWishAsOf, asOf))
        {
            (member.WorkWish, member.WorkWishReason, member.WorkWishAsOf) = (wish, reason, asOf);
        }
    }

    private static bool IsNewer(DateTime? kept, DateTime incoming) => kept is null || incoming > kept;

    private static void SetStatus(RelocatedHousehold household, HouseholdStatus status, DateTime asOf)
    {
        if (IsNewer(household.StatusAsOf, asOf))
        {
            (household.Status, household.StatusAsOf) = (status, asOf);
        }
    }

    private async Task<RelocatedHousehold> FindOrCreateAsync(Guid id, string regionCode, CancellationToken ct)
    {
        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            household = new RelocatedHousehold { Id = id, RegionCode = regionCode };
            db.Households.Add(household);
        }

        return household;
    }

    /// <summary>The full current member list replaces the old one; members no longer listed stay as former members.</summary>
    private static void SetMembers(RelocatedHousehold household, IReadOnlyList<MemberFacts> facts, DateTime asOf)
    {
        if (!IsNewer(household.MembersAsOf, asOf))
        {
            return;
        }

        household.MembersAsOf = asOf;
        facts.ApplyTo(household.Members, id => new RelocatedMember { Id = id, HouseholdId = household.Id }, (member, f) =>
        {
            member.BirthDate = f.BirthDate;
            member.LabourCapacity = Enum.TryParse<LabourCapacity>(f.LabourCapacity, ignoreCase: true, out var capacity) && Enum.IsDefined(capacity) ? capacity : LabourCapacity.Unspecified;
        });
    }
}
