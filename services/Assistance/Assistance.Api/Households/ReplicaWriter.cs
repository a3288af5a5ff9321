using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;
using Platform.HouseholdRegistry.Contracts;

namespace Platform.Assistance.Households;

/// <summary>
/// Applies the registry's events to the local replica, unsaved. A household first heard of is
/// created by whichever event arrives first; each part (status, members, monitoring) only moves
/// forward in event time, so late or replayed events change nothing.
/// </summary>
public sealed class ReplicaWriter(AssistanceDbContext db)
{
    public async Task<AssistedHousehold> RegisteredAsync(HouseholdRegistered e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        if (IsNewer(household.StatusAsOf, e.RegisteredAt))
        {
            household.Status = ReplicaStatus.Registered;
            household.StatusAsOf = e.RegisteredAt;
        }

        household.RegisteredAt ??= e.RegisteredAt;
        household.Pathway = e.Pathway;
        SetMembers(household, e.Members, e.RegisteredAt);
        return household;
    }

    public async Task<AssistedHousehold> MembersChangedAsync(HouseholdMembersChanged e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        SetMembers(household, e.Members, e.ChangedAt);
        return household;
    }

    public async Task<AssistedHousehold> ExitedAsync(HouseholdExited e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        if (IsNewer(household.StatusAsOf, e.ExitedAt))
        {
            household.Status = ReplicaStatus.Exited;
            household.StatusAsOf = e.ExitedAt;
            household.ExitedAt = e.ExitedAt;
            household.SupportUntil = e.SupportUntil;
        }

        return household;
    }

    public async Task<AssistedHousehold> ReenteredAsync(HouseholdReentered e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        if (IsNewer(household.StatusAsOf, e.ReenteredAt))
        {
            household.Status = ReplicaStatus.Registered;
            household.StatusAsOf = e.ReenteredAt;
        }

        return household;
    }

    public async Task<AssistedHousehold> MonitoringChangedAsync(MonitoringCategoryChanged e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        if (IsNewer(household.MonitoringAsOf, e.ChangedAt))
        {
            household.MonitoringCategory = e.Category;
            household.MonitoringAsOf = e.ChangedAt;
        }

        return household;
    }

    public async Task<AssistedHousehold> IncomeRecordedAsync(HouseholdIncomeRecorded e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        var year = await db.Set<HouseholdIncomeYear>().FindAsync([e.HouseholdId, e.Year], ct);
        if (year is null)
        {
            year = new HouseholdIncomeYear { HouseholdId = e.HouseholdId, Year = e.Year, RecordedAt = DateTime.MinValue };
            db.Add(year);
        }

        if (e.RecordedAt >= year.RecordedAt)
        {
            (year.NetIncomeFen, year.PerCapitaNetIncomeFen, year.MemberCount, year.RecordedAt) = (e.NetIncomeFen, e.PerCapitaNetIncomeFen, e.MemberCount, e.RecordedAt);
        }

        return household;
    }

    private static bool IsNewer(DateTime? kept, DateTime incoming) => kept is null || incoming > kept;

    private async Task<AssistedHousehold> FindOrCreateAsync(Guid id, string regionCode, CancellationToken ct)
    {
        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            household = new AssistedHousehold { Id = id, RegionCode = regionCode };
            db.Households.Add(household);
        }

        return household;
    }

    /// <summary>The full current member list replaces the old one; members no longer listed stay as former members.</summary>
    private static void SetMembers(AssistedHousehold household, IReadOnlyList<MemberFacts> facts, DateTime asOf)
    {
        if (!IsNewer(household.MembersAsOf, asOf))
        {
            return;
        }

        household.MembersAsOf = asOf;
        facts.ApplyTo(household.Members, id => new AssistedMember { Id = id, HouseholdId = household.Id }, (member, f) =>
        {
            member.Relationship = f.Relationship;
            member.Sex = Parse<Sex>(f.Sex);
            member.BirthDate = f.BirthDate;
            member.Health = Parse<HealthCondition>(f.Health);
            member.DisabilityGrade = f.DisabilityGrade;
            member.LabourCapacity = Parse<LabourCapacity>(f.LabourCapacity);
            member.Schooling = Parse<SchoolingStatus>(f.Schooling);
            member.NationalIdLookup = f.NationalIdLookup ?? member.NationalIdLookup;
        });
    }

    /// <summary>Event values are the registry's enum names; a value this service does not know yet reads as unspecified.</summary>
    private static T Parse<T>(string value)
        where T : struct, Enum => Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : default;
}
