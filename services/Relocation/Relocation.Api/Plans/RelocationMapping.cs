using Pa.Common.V1;
using Platform.Relocation.Sites;
using Platform.ServiceDefaults;
using Proto = Pa.Relocation.V1;

namespace Platform.Relocation.Plans;

public static class RelocationMapping
{
    public static Proto.Relocation ToMessage(this RelocationPlan p, string siteName, string unitNumber) => new()
    {
        HouseholdId = p.HouseholdId.ToString(),
        OriginRegionCode = p.OriginRegionCode,
        Reason = (Proto.RelocationReason)p.Reason,
        SiteId = p.SiteId.ToString(),
        SiteName = siteName,
        SiteRegionCode = p.SiteRegionCode,
        UnitId = p.UnitId.ToString(),
        UnitNumber = unitNumber,
        People = p.People,
        AreaSqmHundredths = SiteMapping.ToHundredths(p.AreaSqm),
        Subsidy = new Money { Fen = p.SubsidyFen },
        PlannedMoveOn = p.PlannedMoveOn.ToProto(),
        Stage = (Proto.RelocationStage)p.Stage,
        MovedInOn = p.MovedInOn?.ToProto(),
        HomesteadReclaimedOn = p.HomesteadReclaimedOn?.ToProto(),
        ReclamationEvidence = p.ReclamationEvidence ?? "",
        FollowUp = p.FollowUpAsOf is { } asOf
            ? new Proto.FollowUpSnapshot
            {
                MembersSeekingWork = p.MembersSeekingWork,
                MembersEmployed = p.MembersEmployed,
                ZeroEmployment = p.IsZeroEmployment,
                AsOf = SiteMapping.Utc(asOf),
            }
            : null,
        PlannedAt = SiteMapping.Utc(p.PlannedAt),
    };

    public static Proto.PlanCancellation ToMessage(this PlanCancellation c) => new()
    {
        SiteId = c.SiteId.ToString(),
        UnitId = c.UnitId.ToString(),
        PlannedMoveOn = c.PlannedMoveOn.ToProto(),
        Reason = c.Reason,
        CancelledBy = c.CancelledBy,
        CancelledAt = SiteMapping.Utc(c.CancelledAt),
    };
}
