using Pa.Common.V1;
using Pa.Employment.V1;

namespace Platform.Employment.Tests.Labour;

/// <summary>Valid requests for the labour calls; tests change one field to see it refused.</summary>
public static class LabourRequests
{
    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static Money Fen(long fen) => new() { Fen = fen };

    public static StartEmploymentRequest Start(TestHousehold household, TestMember member, EmploymentType type = EmploymentType.Workshop, Date? startedOn = null) => new()
    {
        HouseholdId = household.Id.ToString(),
        MemberId = member.Id.ToString(),
        Type = type,
        Employer = "Huoqiu garment workshop",
        StartedOn = startedOn ?? Day(2025, 3, 1),
        MonthlyIncome = Fen(250_000),
    };

    public static EndEmploymentRequest End(Pa.Employment.V1.Employment job, Date? endedOn = null) =>
        new() { EmploymentId = job.EmploymentId, EndedOn = endedOn ?? Day(2026, 1, 31) };

    public static RecordEarningsRequest Earnings(Pa.Employment.V1.Employment job, int year, int month, long fen) =>
        new() { EmploymentId = job.EmploymentId, Year = year, Month = month, Amount = Fen(fen) };

    public static RecordTrainingRequest Training(TestHousehold household, TestMember member) => new()
    {
        HouseholdId = household.Id.ToString(),
        MemberId = member.Id.ToString(),
        Course = "Electric welding",
        Provider = "County vocational school",
        StartedOn = Day(2025, 10, 1),
        EndedOn = Day(2025, 10, 20),
        Certificate = "Welder level 5",
    };

    public static RecordJobWishRequest Wish(TestHousehold household, TestMember member) => new()
    {
        HouseholdId = household.Id.ToString(),
        MemberId = member.Id.ToString(),
        PreferredWork = "Factory work",
        Place = WorkPlace.OutOfProvince,
        ExpectedMonthlyIncome = Fen(400_000),
    };

    public static RecordSkillsRequest Skills(TestHousehold household, TestMember member, params string[] skills)
    {
        var request = new RecordSkillsRequest { HouseholdId = household.Id.ToString(), MemberId = member.Id.ToString() };
        request.Skills.AddRange(skills);
        return request;
    }

    public static GetLabourArchiveRequest Archive(TestHousehold household, TestMember member) =>
        new() { HouseholdId = household.Id.ToString(), MemberId = member.Id.ToString() };
}
