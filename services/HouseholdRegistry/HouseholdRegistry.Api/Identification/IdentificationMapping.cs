using Google.Protobuf.WellKnownTypes;
using Pa.Registry.V1;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Identification;

internal static class IdentificationMapping
{
    /// <summary>The case with its archive when <paramref name="withArchive"/>; the household must be loaded.</summary>
    public static Pa.Registry.V1.Case ToMessage(this Case c, bool withArchive = true)
    {
        var message = new Pa.Registry.V1.Case
        {
            CaseId = c.Id.ToString(),
            HouseholdId = c.Household.Id.ToString(),
            RegionCode = c.RegionCode,
            Kind = c.Kind,
            Stage = c.Stage,
            Outcome = c.Outcome,
            OpenedAt = Timestamp.FromDateTime(c.OpenedAt),
            ClosedAt = c.ClosedAt is { } closed ? Timestamp.FromDateTime(closed) : null,
            ClosingReason = c.ClosingReason,
            ScreeningOverridden = c.Household.ScreeningOverride is not null,
        };
        message.ExcludedRules.AddRange(c.ExcludedRules);
        if (withArchive)
        {
            message.Steps.AddRange(c.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(ToMessage));
            message.Notices.AddRange(c.Notices.OrderBy(n => n.Seq).Select(ToMessage));
        }

        return message;
    }

    public static Pa.Registry.V1.Objection ToMessage(this Objection o) => new()
    {
        ObjectionId = o.Id.ToString(),
        NoticeId = o.Notice.Id.ToString(),
        FiledBy = o.FiledBy,
        FiledByRole = o.FiledByRole,
        ObjectorName = o.ObjectorName,
        Content = o.Content,
        Evidence = o.Evidence,
        FiledAt = Timestamp.FromDateTime(o.FiledAt),
        Status = o.Status,
        Finding = o.Finding,
        ResolvedBy = o.ResolvedBy ?? "",
        ResolvedAt = o.ResolvedAt is { } resolved ? Timestamp.FromDateTime(resolved) : null,
    };

    public static Pa.Registry.V1.ExclusionHit ToMessage(this FiveExclusionHit hit) => new()
    {
        Rule = hit.Rule,
        Source = hit.Source,
        Evidence = hit.Evidence,
    };

    private static Pa.Registry.V1.CaseStep ToMessage(CaseStep s) => new()
    {
        Stage = s.Stage,
        Decision = s.Decision,
        Actor = s.Actor,
        ActorRole = s.ActorRole,
        ActorRegion = s.ActorRegion,
        At = Timestamp.FromDateTime(s.At),
        Reason = s.Reason,
        Votes = s.VotesInFavour is null ? null : new AppraisalVotes { InFavour = s.VotesInFavour.Value, Against = s.VotesAgainst ?? 0, Abstaining = s.VotesAbstaining ?? 0 },
        Minutes = s.Minutes,
    };

    private static Pa.Registry.V1.Notice ToMessage(Notice n)
    {
        var message = new Pa.Registry.V1.Notice
        {
            NoticeId = n.Id.ToString(),
            CaseId = n.Case.Id.ToString(),
            VillageCode = n.VillageCode,
            Kind = n.Kind,
            StartDate = n.StartDate.ToProto(),
            EndDate = n.EndDate.ToProto(),
            Status = n.Status,
        };
        message.Objections.AddRange(n.Objections.OrderBy(o => o.FiledAt).ThenBy(o => o.Seq).Select(ToMessage));
        return message;
    }
}
