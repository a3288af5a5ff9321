using Google.Protobuf.WellKnownTypes;
using Platform.Assistance.Households;
using Platform.HouseholdReplica;
using Proto = Pa.Assistance.V1;

namespace Platform.Assistance.Guarantees;

public static class GuaranteeMapping
{
    public static Proto.HouseholdGuarantees ToMessage(this HouseholdGuarantees row, HouseholdStatus status) => new()
    {
        HouseholdId = row.HouseholdId.ToString(),
        RegionCode = row.RegionCode,
        FoodAndClothing = row.FoodAndClothing.ToMessage(),
        Education = row.Education.ToMessage(),
        Medical = row.Medical.ToMessage(),
        Housing = row.Housing.ToMessage(),
        Water = row.Water.ToMessage(),
        AllMet = row.AllMet,
        ChangedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(row.ChangedAt, DateTimeKind.Utc)),
        AssessedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(row.AssessedAt, DateTimeKind.Utc)),
        HouseholdStatus = status.ToString(),
    };

    public static Proto.GuaranteeFinding ToMessage(this StoredFinding finding) => new()
    {
        State = finding.State switch
        {
            GuaranteeState.Met => Proto.GuaranteeState.Met,
            GuaranteeState.NotMet => Proto.GuaranteeState.NotMet,
            _ => Proto.GuaranteeState.Unknown,
        },
        Reason = finding.Reason,
        DecidingRecord = finding.DecidingRecord,
    };
}
