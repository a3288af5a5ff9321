using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>Region codes of the registry's seed (Regions/RegionSeed.cs).</summary>
public static class Seeded
{
    public const string Anhui = "340000000000";
    public const string Huoqiu = "341522000000";
    public const string Chengguan = "341522100000";
    public const string Donghu = "341522100201";
    public const string Hekou = "341522101201";
    public const string Changji = "341522104000";
    public const string Qilipeng = "341522104201";
    public const string ChangjiVillage = "341522104202";
    public const string Weishan = "532927000000";
    public const string Xincun = "532927100201";

    public static string CountyOf(string code) => code[..6] + "000000";
}

/// <summary>Valid household applications, with national IDs that agree with each member's birth date and sex.</summary>
public static class Applications
{
    private static int _people;

    /// <summary>A valid 18-character ID: county, birth date, a 3-digit sequence (odd for men, 0–99 gives it), MOD 11-2 check character.</summary>
    public static string NationalIdFor(string county, DateOnly birth, int sequence, bool male)
    {
        var first17 = $"{county[..6]}{birth:yyyyMMdd}{sequence:00}{(male ? 1 : 2)}";
        return first17 + NationalId.CheckCharacterFor(first17);
    }

    public static MemberInput Member(
        string name,
        Relationship relationship,
        bool male,
        string county = Seeded.Huoqiu,
        HealthStatus health = HealthStatus.Healthy,
        int disabilityGrade = 0,
        LabourCapacity labour = LabourCapacity.Normal,
        SchoolingStatus schooling = SchoolingStatus.Completed,
        bool checkCharacterX = false)
    {
        // Every person gets a birth date of their own, so IDs never collide between tests.
        var n = Interlocked.Increment(ref _people);
        var birth = new DateOnly(1950, 1, 1).AddDays(n * 3 + (relationship == Relationship.Child ? 15_000 : 0));
        var sequence = 0;
        var id = NationalIdFor(county, birth, sequence, male);
        while (checkCharacterX && !id.EndsWith('X'))
        {
            id = NationalIdFor(county, birth, ++sequence, male);
        }

        return new MemberInput
        {
            Name = name,
            NationalId = id,
            Relationship = relationship,
            Sex = male ? Sex.Male : Sex.Female,
            BirthDate = birth.ToProto(),
            Health = health,
            DisabilityGrade = disabilityGrade,
            LabourCapacity = labour,
            Schooling = schooling,
        };
    }

    /// <summary>A household of three: a healthy head, a chronically ill spouse and a disabled child in school.</summary>
    public static CreateHouseholdApplicationRequest Household(string village, PovertyCause cause = PovertyCause.Illness)
    {
        var county = Seeded.CountyOf(village);
        return new CreateHouseholdApplicationRequest
        {
            RegionCode = village,
            Address = "七里棚村三组 12 号",
            PrimaryCause = cause,
            OtherCauses = { PovertyCause.LackOfFunds },
            DeclaredIncomePerCapita = new Money { Fen = 2_850_00 },
            Pathway = AssistancePathway.ProductionAndEmployment,
            Facts = new HouseholdFacts { LivesInDangerousHouse = new Fact { Present = true, Source = FactSource.Declared, Evidence = "土坯房, 墙体开裂" } },
            Members =
            {
                Member("王建国", Relationship.Head, male: true, county),
                Member("李秀英", Relationship.Spouse, male: false, county, HealthStatus.ChronicIllness, labour: LabourCapacity.Weak),
                Member("王小明", Relationship.Child, male: true, county, HealthStatus.Disability, 2, LabourCapacity.None, SchoolingStatus.InSchool),
            },
        };
    }
}
