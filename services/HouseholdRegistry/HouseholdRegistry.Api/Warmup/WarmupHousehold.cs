using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Warmup;

/// <summary>
/// The household the start-up warm-up files and rolls back: valid as an application (its IDs carry
/// the right check characters), with sequence numbers ("997", "998") that a duplicate check may
/// still meet; then that call alone stays cold.
/// </summary>
internal static class WarmupHousehold
{
    public static CreateHouseholdApplicationRequest Application(string village)
    {
        var request = new CreateHouseholdApplicationRequest
        {
            RegionCode = village,
            Address = "启动预热",
            PrimaryCause = PovertyCause.Disability,
            PlannedExitYear = DateTime.UtcNow.Year + 1,
        };
        request.Members.Add(Person("预热户主", new DateOnly(1950, 1, 1), "997", Relationship.Head, Sex.Male, LabourCapacity.Weak));
        return request;
    }

    public static MemberInput Child() =>
        Person("预热孩子", DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-10)), "998", Relationship.Child, Sex.Female, LabourCapacity.None);

    private static MemberInput Person(string name, DateOnly born, string sequence, Relationship relationship, Sex sex, LabourCapacity labour)
    {
        var first17 = $"341522{born:yyyyMMdd}{sequence}";
        return new MemberInput
        {
            Name = name,
            NationalId = first17 + NationalId.CheckCharacterFor(first17),
            Relationship = relationship,
            Sex = sex,
            BirthDate = new Date { Year = born.Year, Month = born.Month, Day = born.Day },
            Health = HealthStatus.Healthy,
            LabourCapacity = labour,
            Schooling = relationship == Relationship.Child ? SchoolingStatus.InSchool : SchoolingStatus.Unspecified,
        };
    }
}
