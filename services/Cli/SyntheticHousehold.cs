using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Security;

namespace Platform.Cli;

/// <summary>A made-up but valid household (valid ID numbers), for trying the registry out.</summary>
public static class SyntheticHousehold
{
    public static CreateHouseholdApplicationRequest For(string villageCode)
    {
        var county = villageCode[..6];
        var request = new CreateHouseholdApplicationRequest
        {
            RegionCode = villageCode,
            Address = "示例组 1 号",
            PrimaryCause = PovertyCause.Illness,
            DeclaredIncomePerCapita = new Money { Fen = 380_000 },
        };
        request.OtherCauses.Add(PovertyCause.LackOfLabour);
        request.Members.Add(Member(county, "示例户主", Relationship.Head, new DateOnly(1953, 4, 2), male: true, HealthStatus.ChronicIllness, LabourCapacity.Weak));
        request.Members.Add(Member(county, "示例配偶", Relationship.Spouse, new DateOnly(1956, 9, 18), male: false, HealthStatus.SeriousIllness, LabourCapacity.None));
        return request;
    }

    private static MemberInput Member(string county, string name, Relationship relationship, DateOnly birth, bool male, HealthStatus health, LabourCapacity labour)
    {
        var sequence = Random.Shared.Next(0, 50) * 2 + (male ? 1 : 0);
        var first17 = $"{county}{birth:yyyyMMdd}{sequence:D3}";
        return new MemberInput
        {
            Name = name,
            NationalId = first17 + NationalId.CheckCharacterFor(first17),
            Relationship = relationship,
            Sex = male ? Sex.Male : Sex.Female,
            BirthDate = new Date { Year = birth.Year, Month = birth.Month, Day = birth.Day },
            Health = health,
            LabourCapacity = labour,
            Schooling = SchoolingStatus.Completed,
        };
    }
}
