using Platform.Employment.Data;
using Platform.HouseholdRegistry.Contracts;
using Platform.Relocation.Contracts;

namespace Platform.Employment.Labourers;

/// <summary>
/// The common replica (<see cref="HouseholdReplicaWriter{THousehold,TMember}"/>) plus what employment
/// keeps besides: each labourer's sex and lookup hash, and the family's open zero-employment case.
/// </summary>
public sealed class ReplicaWriter(EmploymentDbContext db) : HouseholdReplicaWriter<LabourHousehold, Labourer>(db)
{
    public override Task<LabourHousehold> ApplyAsync(object message, CancellationToken ct) => message switch
    {
        ZeroEmploymentCaseOpened e => ZeroEmploymentCaseAsync(e.HouseholdId, e.OriginRegionCode, e.CaseId, e.OpenedAt, ct),
        ZeroEmploymentCaseClosed e => ZeroEmploymentCaseAsync(e.HouseholdId, e.OriginRegionCode, null, e.ClosedAt, ct),
        _ => base.ApplyAsync(message, ct),
    };

    protected override LabourHousehold NewHousehold(Guid id, string regionCode) => new() { Id = id, RegionCode = regionCode };

    protected override Labourer NewMember(Guid id, Guid householdId) => new() { Id = id, HouseholdId = householdId };

    protected override void CopyMember(Labourer member, MemberFacts f)
    {
        member.Sex = f.Sex;
        member.NationalIdLookup = f.NationalIdLookup ?? member.NationalIdLookup;
    }

    /// <summary>A zero-employment case opened for the family (<paramref name="caseId"/>), or closed (null): the later event wins.</summary>
    private async Task<LabourHousehold> ZeroEmploymentCaseAsync(Guid householdId, string regionCode, Guid? caseId, DateTime asOf, CancellationToken ct)
    {
        var household = await FindOrCreateAsync(householdId, regionCode, ct);
        if (EventTime.IsNewer(household.ZeroEmploymentAsOf, asOf))
        {
            (household.ZeroEmploymentCaseId, household.ZeroEmploymentAsOf) = (caseId, asOf);
        }

        return household;
    }
}
