using Google.Protobuf.WellKnownTypes;
using Platform.ServiceDefaults;
using Proto = Pa.Assistance.V1;

namespace Platform.Assistance.Education;

public static class EducationMapping
{
    public static Proto.Enrolment ToMessage(this Enrolment e) => new()
    {
        EnrolmentId = e.Id.ToString(),
        HouseholdId = e.HouseholdId.ToString(),
        MemberId = e.MemberId.ToString(),
        Stage = (Proto.SchoolStage)e.Stage,
        SchoolName = e.SchoolName,
        Grade = e.Grade,
        SchoolYear = e.SchoolYear,
        WithdrawnOn = e.WithdrawnOn?.ToProto(),
        Source = (Proto.EnrolmentSource)e.Source,
        RecordKey = e.RecordKey ?? "",
        RecordedAt = Utc(e.RecordedAt),
    };

    public static Proto.Subsidy ToMessage(this EducationSubsidy s) => new()
    {
        SubsidyId = s.Id.ToString(),
        EnrolmentId = s.EnrolmentId.ToString(),
        HouseholdId = s.HouseholdId.ToString(),
        MemberId = s.MemberId.ToString(),
        Kind = (Proto.SubsidyKind)s.Kind,
        Amount = new Pa.Common.V1.Money { Fen = s.AmountFen },
        Year = s.Year,
        GrantedAt = Utc(s.GrantedAt),
    };

    public static Proto.Exemption ToMessage(this EducationExemption x) => new()
    {
        ExemptionId = x.Id.ToString(),
        HouseholdId = x.HouseholdId.ToString(),
        MemberId = x.MemberId.ToString(),
        Kind = (Proto.ExemptionKind)x.Kind,
        Reason = x.Reason,
        ApprovedBy = x.ApprovedBy,
        From = x.From.ToProto(),
        Until = x.Until?.ToProto(),
        RecordedAt = Utc(x.RecordedAt),
    };

    public static Proto.DropoutCase ToMessage(this DropoutCase c, bool withVisits)
    {
        var message = new Proto.DropoutCase
        {
            CaseId = c.Id.ToString(),
            HouseholdId = c.HouseholdId.ToString(),
            MemberId = c.MemberId.ToString(),
            RegionCode = c.RegionCode,
            Reason = (Proto.DropoutCaseReason)c.Reason,
            OpenedAt = Utc(c.OpenedAt),
            Open = c.IsOpen,
            ClosedAt = c.ClosedAt is { } closed ? Utc(closed) : null,
            ClosingReason = c.ClosingReason ?? "",
            ClosingRecord = c.ClosingRecord ?? "",
        };
        if (withVisits)
        {
            message.Visits.AddRange(c.Visits.OrderBy(v => v.VisitedOn).ThenBy(v => v.RecordedAt).Select(v => new Proto.DropoutVisit
            {
                VisitId = v.Id.ToString(),
                VisitedBy = v.VisitedBy,
                VisitedOn = v.VisitedOn.ToProto(),
                Outcome = v.Outcome,
                NextStep = v.NextStep,
            }));
        }

        return message;
    }

    private static Timestamp Utc(DateTime at) => Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
