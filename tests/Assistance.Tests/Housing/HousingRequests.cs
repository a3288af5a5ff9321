using Pa.Assistance.V1;
using Pa.Common.V1;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Tests.Housing;

/// <summary>Requests of the housing tests with sensible defaults.</summary>
internal static class HousingRequests
{
    public static Date Date(DateOnly day) => day.ToProto();

    public static RecordAppraisalRequest Appraisal(TestHousehold household, HouseGrade grade, DateOnly on) => new()
    {
        HouseholdId = household.Id.ToString(),
        Grade = grade,
        AppraisedOn = on.ToProto(),
        Appraiser = new Appraiser { Name = "Zhang Wei", Organisation = "County housing appraisal station" },
        Notes = "walls cracked",
    };

    public static StartRenovationRequest Start(TestHousehold household, DateOnly on, RenovationKind kind = RenovationKind.Rebuild) => new()
    {
        HouseholdId = household.Id.ToString(),
        Kind = kind,
        Subsidy = new Money { Fen = 2_000_000 },
        StartedOn = on.ToProto(),
    };

    public static AdvanceRenovationRequest Advance(string projectId, RenovationStatus status) => new() { ProjectId = projectId, Status = status };

    public static RecordAcceptanceRequest Acceptance(string projectId, DateOnly on, bool passed, string findings = "", bool movedIn = false) => new()
    {
        ProjectId = projectId,
        InspectedOn = on.ToProto(),
        Inspector = "Li Na",
        Passed = passed,
        Findings = findings,
        FamilyMovedIn = movedIn,
    };
}
