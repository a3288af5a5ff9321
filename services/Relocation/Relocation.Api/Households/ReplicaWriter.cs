using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Contracts;
using Platform.Relocation.Data;

namespace Platform.Relocation.Households;

/// <summary>
/// The common replica (<see cref="HouseholdReplicaWriter{THousehold,TMember}"/>) plus what relocation keeps
/// besides: the pathway, the latest income, the assistance service's guarantees and each member's wish to work.
/// </summary>
public sealed class ReplicaWriter(RelocationDbContext db) : HouseholdReplicaWriter<RelocatedHousehold, RelocatedMember>(db)
{
    public override Task<RelocatedHousehold> ApplyAsync(object message, CancellationToken ct) => message switch
    {
        HouseholdIncomeRecorded e => IncomeRecordedAsync(e, ct),
        GuaranteeStatusChanged e => GuaranteesChangedAsync(e, ct),
        _ => base.ApplyAsync(message, ct),
    };

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

        if (EventTime.IsNewer(member.WorkWishAsOf, asOf))
        {
            (member.WorkWish, member.WorkWishReason, member.WorkWishAsOf) = (wish, reason, asOf);
        }
    }

    protected override RelocatedHousehold NewHousehold(Guid id, string regionCode) => new() { Id = id, RegionCode = regionCode };

    protected override RelocatedMember NewMember(Guid id, Guid householdId) => new() { Id = id, HouseholdId = householdId };

    protected override void OnRegistered(RelocatedHousehold household, HouseholdRegistered e, bool statusMoved)
    {
        if (statusMoved)
        {
            household.Pathway = e.Pathway;
        }
    }

    /// <summary>Keeps the latest year's income; within a year, the latest recording.</summary>
    private async Task<RelocatedHousehold> IncomeRecordedAsync(HouseholdIncomeRecorded e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        var newer = household.IncomeYear is null || e.Year > household.IncomeYear
            || (e.Year == household.IncomeYear && EventTime.IsNewer(household.IncomeAsOf, e.RecordedAt));
        if (newer)
        {
            (household.IncomeYear, household.PerCapitaNetIncomeFen, household.IncomeAsOf) = (e.Year, e.PerCapitaNetIncomeFen, e.RecordedAt);
        }

        return household;
    }

    private async Task<RelocatedHousehold> GuaranteesChangedAsync(GuaranteeStatusChanged e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        if (EventTime.IsNewer(household.GuaranteesAsOf, e.ChangedAt))
        {
            household.GuaranteesAsOf = e.ChangedAt;
            household.Guarantees = new GuaranteeStatus
            {
                FoodAndClothing = e.FoodAndClothing, Education = e.Education, Medical = e.Medical, Housing = e.Housing, Water = e.Water,
            };
            household.GuaranteeReasons = [.. e.Reasons];
        }

        return household;
    }
}
