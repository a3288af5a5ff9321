using Platform.Assistance.Data;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdReplica;

namespace Platform.Assistance.Households;

/// <summary>
/// The common replica (<see cref="HouseholdReplicaWriter{THousehold,TMember}"/>) plus what the guarantees
/// need: pathway, registration and exit dates, monitoring category, member facts and each year's income.
/// </summary>
public sealed class ReplicaWriter(AssistanceDbContext db) : HouseholdReplicaWriter<AssistedHousehold, AssistedMember>(db)
{
    public override Task<AssistedHousehold> ApplyAsync(object message, CancellationToken ct) => message switch
    {
        MonitoringCategoryChanged e => MonitoringChangedAsync(e, ct),
        HouseholdIncomeRecorded e => IncomeRecordedAsync(e, ct),
        _ => base.ApplyAsync(message, ct),
    };

    protected override AssistedHousehold NewHousehold(Guid id, string regionCode) => new() { Id = id, RegionCode = regionCode };

    protected override AssistedMember NewMember(Guid id, Guid householdId) => new() { Id = id, HouseholdId = householdId };

    // A household is registered once (a return to poverty is HouseholdReentered), so its pathway and date stand whatever the order.
    protected override void OnRegistered(AssistedHousehold household, HouseholdRegistered e, bool statusMoved)
    {
        household.RegisteredAt ??= e.RegisteredAt;
        household.Pathway = e.Pathway;
    }

    protected override void OnExited(AssistedHousehold household, HouseholdExited e) =>
        (household.ExitedAt, household.SupportUntil) = (e.ExitedAt, e.SupportUntil);

    protected override void CopyMember(AssistedMember member, MemberFacts f)
    {
        member.Relationship = f.Relationship;
        member.Sex = RegistryValues.Parse<Sex>(f.Sex);
        member.Health = RegistryValues.Parse<HealthCondition>(f.Health);
        member.DisabilityGrade = f.DisabilityGrade;
        member.Schooling = RegistryValues.Parse<SchoolingStatus>(f.Schooling);
        member.NationalIdLookup = f.NationalIdLookup ?? member.NationalIdLookup;
    }

    private async Task<AssistedHousehold> MonitoringChangedAsync(MonitoringCategoryChanged e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        if (EventTime.IsNewer(household.MonitoringAsOf, e.ChangedAt))
        {
            (household.MonitoringCategory, household.MonitoringAsOf) = (e.Category, e.ChangedAt);
        }

        return household;
    }

    private async Task<AssistedHousehold> IncomeRecordedAsync(HouseholdIncomeRecorded e, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(e.HouseholdId, e.RegionCode, ct);
        var year = await Db.Set<HouseholdIncomeYear>().FindAsync([e.HouseholdId, e.Year], ct);
        if (year is null)
        {
            year = new HouseholdIncomeYear { HouseholdId = e.HouseholdId, Year = e.Year, RecordedAt = DateTime.MinValue };
            Db.Add(year);
        }

        if (e.RecordedAt >= year.RecordedAt)
        {
            (year.NetIncomeFen, year.PerCapitaNetIncomeFen, year.MemberCount, year.RecordedAt) = (e.NetIncomeFen, e.PerCapitaNetIncomeFen, e.MemberCount, e.RecordedAt);
        }

        return household;
    }
}
