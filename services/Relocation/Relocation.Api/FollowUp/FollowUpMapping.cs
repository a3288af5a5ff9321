using Google.Protobuf.WellKnownTypes;
using Platform.Relocation.Households;
using Platform.ServiceDefaults;
using V1 = Pa.Relocation.V1;

namespace Platform.Relocation.FollowUp;

/// <summary>Follow-up records to their gRPC messages.</summary>
public static class FollowUpMapping
{
    public static V1.ZeroEmploymentCase ToMessage(this FollowUpCase c, bool withActions)
    {
        var message = new V1.ZeroEmploymentCase
        {
            CaseId = c.Id.ToString(),
            HouseholdId = c.HouseholdId.ToString(),
            SiteId = c.SiteId.ToString(),
            SiteRegionCode = c.SiteRegionCode,
            OpenedAt = Timestamp.FromDateTime(Utc(c.OpenedAt)),
            AssignedTo = c.AssignedTo ?? "",
            AssigneeName = c.AssigneeName ?? "",
            AssignedAt = c.AssignedAt is { } assigned ? Timestamp.FromDateTime(Utc(assigned)) : null,
            Outcome = c.Outcome.ToMessage(),
            ClosedAt = c.ClosedAt is { } closed ? Timestamp.FromDateTime(Utc(closed)) : null,
            ClosingEmploymentId = c.ClosingEmploymentId?.ToString() ?? "",
            ActionCount = c.Actions.Count,
        };
        if (withActions)
        {
            message.Actions.AddRange(c.Actions.OrderBy(a => a.TakenOn).ThenBy(a => a.RecordedAt).Select(a => a.ToMessage()));
        }

        return message;
    }

    public static V1.CaseAction ToMessage(this CaseAction a) => new()
    {
        ActionId = a.Id.ToString(),
        Kind = a.Kind switch
        {
            CaseActionKind.JobReferral => V1.CaseActionKind.JobReferral,
            CaseActionKind.Training => V1.CaseActionKind.Training,
            CaseActionKind.PublicWelfarePost => V1.CaseActionKind.PublicWelfarePost,
            _ => V1.CaseActionKind.Unspecified,
        },
        Details = a.Details,
        TakenOn = a.TakenOn.ToProto(),
        RecordedBy = a.RecordedBy,
        RecordedAt = Timestamp.FromDateTime(Utc(a.RecordedAt)),
    };

    /// <summary>followup.proto admits only the listed kinds, so anything else is a bug here, not the caller's.</summary>
    public static CaseActionKind FromMessage(V1.CaseActionKind kind) => kind switch
    {
        V1.CaseActionKind.JobReferral => CaseActionKind.JobReferral,
        V1.CaseActionKind.Training => CaseActionKind.Training,
        V1.CaseActionKind.PublicWelfarePost => CaseActionKind.PublicWelfarePost,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "the contract admits only the listed kinds"),
    };

    /// <summary>followup.proto admits only WISHES and DOES_NOT_WISH in a survey.</summary>
    public static WorkWish FromMessage(V1.MemberWorkWish wish) => wish switch
    {
        V1.MemberWorkWish.Wishes => WorkWish.Wishes,
        V1.MemberWorkWish.DoesNotWish => WorkWish.DoesNotWish,
        _ => throw new ArgumentOutOfRangeException(nameof(wish), wish, "the contract admits only the listed wishes"),
    };

    public static V1.CaseOutcome ToMessage(this CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Open => V1.CaseOutcome.Open,
        CaseOutcome.Employed => V1.CaseOutcome.Employed,
        CaseOutcome.NoLabourSeekingWork => V1.CaseOutcome.NoLabourSeekingWork,
        _ => V1.CaseOutcome.Unspecified,
    };

    public static V1.MemberWorkWish ToMessage(this WorkWish wish) => wish switch
    {
        WorkWish.Wishes => V1.MemberWorkWish.Wishes,
        WorkWish.DoesNotWish => V1.MemberWorkWish.DoesNotWish,
        _ => V1.MemberWorkWish.Unspecified,
    };

    public static V1.MemberLabourCapacity ToMessage(this LabourCapacity capacity) => capacity switch
    {
        LabourCapacity.Normal => V1.MemberLabourCapacity.Normal,
        LabourCapacity.Weak => V1.MemberLabourCapacity.Weak,
        LabourCapacity.None => V1.MemberLabourCapacity.None,
        _ => V1.MemberLabourCapacity.Unspecified,
    };

    /// <summary>SQLite hands times back unspecified; every stored time is UTC.</summary>
    public static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);
}
