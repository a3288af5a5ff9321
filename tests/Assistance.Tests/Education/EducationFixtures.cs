using Pa.Assistance.V1;
using Pa.Common.V1;

namespace Platform.Assistance.Tests.Education;

internal static class EducationRequests
{
    public static RecordEnrolmentRequest Enrol(TestHousehold household, TestMember child, SchoolStage stage = SchoolStage.Primary, int schoolYear = 2025) => new()
    {
        HouseholdId = household.Id.ToString(),
        MemberId = child.Id.ToString(),
        Stage = stage,
        SchoolName = "Chengguan Central School",
        Grade = 4,
        SchoolYear = schoolYear,
    };

    public static Date Proto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
