using Google.Protobuf.WellKnownTypes;
using Platform.ServiceDefaults;
using Proto = Pa.Assistance.V1;

namespace Platform.Assistance.Housing;

/// <summary>Housing records as messages; the domain enums share the proto enums' numbers.</summary>
public static class HousingMapping
{
    public static HouseGrade? ToGrade(this Proto.HouseGrade grade) =>
        System.Enum.IsDefined((HouseGrade)(int)grade) ? (HouseGrade)(int)grade : null;

    public static RenovationKind? ToKind(this Proto.RenovationKind kind) =>
        System.Enum.IsDefined((RenovationKind)(int)kind) ? (RenovationKind)(int)kind : null;

    public static RenovationStatus? ToStatus(this Proto.RenovationStatus status) =>
        System.Enum.IsDefined((RenovationStatus)(int)status) ? (RenovationStatus)(int)status : null;

    public static Proto.HouseGrade ToProto(this HouseGrade grade) => (Proto.HouseGrade)(int)grade;

    public static Proto.RenovationStatus ToProto(this RenovationStatus status) => (Proto.RenovationStatus)(int)status;

    public static Proto.HouseAppraisal ToMessage(this HouseAppraisal a) => new()
    {
        Id = a.Id.ToString(),
        HouseholdId = a.HouseholdId.ToString(),
        Grade = a.Grade.ToProto(),
        AppraisedOn = a.AppraisedOn.ToProto(),
        Appraiser = new Proto.Appraiser { Name = a.AppraiserName, Organisation = a.AppraiserOrganisation },
        Notes = a.Notes,
        Dangerous = a.Dangerous,
        Source = a.Source == AppraisalSource.Officer ? "officer" : "department",
        RecordKey = a.RecordKey ?? "",
        RecordedBy = a.RecordedBy,
        RecordedAt = Utc(a.RecordedAt),
    };

    public static Proto.RenovationProject ToMessage(this RenovationProject p)
    {
        var message = new Proto.RenovationProject
        {
            Id = p.Id.ToString(),
            HouseholdId = p.HouseholdId.ToString(),
            AppraisalId = p.AppraisalId.ToString(),
            Kind = (Proto.RenovationKind)(int)p.Kind,
            Subsidy = new Pa.Common.V1.Money { Fen = p.SubsidyFen },
            Status = p.Status.ToProto(),
            StartedOn = p.StartedOn.ToProto(),
            StatusChangedAt = Utc(p.StatusChangedAt),
            RecordedBy = p.RecordedBy,
        };
        message.Inspections.AddRange(p.Inspections.OrderBy(i => i.RecordedAt).ThenBy(i => i.Id).Select(i => new Proto.AcceptanceInspection
        {
            InspectedOn = i.InspectedOn.ToProto(),
            Inspector = i.Inspector,
            Passed = i.Passed,
            Findings = i.Findings,
            FamilyMovedIn = i.FamilyMovedIn,
            RecordedAt = Utc(i.RecordedAt),
        }));
        return message;
    }

    private static Timestamp Utc(DateTime at) => Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
