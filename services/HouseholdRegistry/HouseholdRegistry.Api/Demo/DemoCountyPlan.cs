using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Regions;
using Region = Platform.HouseholdRegistry.Regions.Region;
using RegionLevel = Platform.Security.RegionLevel;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Demo;

/// <summary>Where a demo household stands: every step of identification and exit is represented.</summary>
public enum DemoStage
{
    Applied,
    GroupAppraised,
    OnVillageNotice,
    VillageNoticeClosed,
    TownshipChecked,
    OnAnnouncement,
    Registered,
    Rejected,
    ExitOnNotice,
    Exited,
}

public sealed record DemoHousehold(
    int Ordinal,
    string VillageCode,
    string Address,
    PovertyCause PrimaryCause,
    IReadOnlyList<PovertyCause> OtherCauses,
    long DeclaredIncomePerCapitaFen,
    long CurrentIncomePerCapitaFen,
    AssistancePathway Pathway,
    int PlannedExitYear,
    IReadOnlyList<MemberInput> Members,
    DemoStage Stage,
    int HelperIndex);

public sealed record DemoHelper(string Name, string WorkUnit, string Phone, string VillageCode);

/// <summary>
/// A synthetic county for demonstrations and load: deterministic for a given seed, with valid
/// national IDs (MOD 11-2 check characters, real birth dates, sex digits), Huoqiu's cause mix
/// (illness 58.9%, disability 8.9%, schooling 9%, lack of labour 8%, other 15.2%) and cases
/// at every workflow step. Nothing here is a real person.
/// </summary>
public sealed class DemoCountyPlan
{
    /// <summary>六安市 / 示范县: a county code not used by the real division codes of Lu'an.</summary>
    public const string CountyCode = "341599000000";
    public const string CountyName = "示范县";

    private const int Townships = 20;
    private const int VillagesPerTownship = 15;

    /// <summary>Causes per 1,000 households; "other" (15.2%) is split across the remaining causes.</summary>
    private static readonly (PovertyCause Cause, int PerMille)[] CauseMix =
    [
        (PovertyCause.Illness, 589), (PovertyCause.Disability, 89), (PovertyCause.Schooling, 90),
        (PovertyCause.LackOfLabour, 80), (PovertyCause.LackOfFunds, 60), (PovertyCause.LackOfSkills, 40),
        (PovertyCause.LackOfLand, 20), (PovertyCause.Disaster, 20), (PovertyCause.Other, 12),
    ];

    /// <summary>Stages per 1,000 households: most are registered, every step has some.</summary>
    private static readonly (DemoStage Stage, int PerMille)[] StageMix =
    [
        (DemoStage.Registered, 790), (DemoStage.Exited, 100), (DemoStage.Applied, 20), (DemoStage.GroupAppraised, 15),
        (DemoStage.OnVillageNotice, 15), (DemoStage.VillageNoticeClosed, 10), (DemoStage.TownshipChecked, 10),
        (DemoStage.OnAnnouncement, 10), (DemoStage.Rejected, 15), (DemoStage.ExitOnNotice, 15),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] GivenParts = ["建", "国", "秀", "英", "明", "华", "兰", "芳", "军", "平", "玉", "梅", "强", "伟", "红", "霞", "德", "福", "永", "春", "志", "勇", "丽", "娟"];
    private static readonly string[] WorkUnits = ["县环保局", "县教育局", "县卫健委", "县财政局", "县农业农村局", "县人社局", "县住建局", "县水利局", "县民政局", "县供电公司", "县农商银行", "县中医院"];

    private readonly int _households;
    private readonly int _seed;

    public DemoCountyPlan(int households = 40_000, int seed = 2014)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(households, 1);
        _households = households;
        _seed = seed;
    }

    public int HouseholdCount => _households;

    /// <summary>The county, its townships and villages, with rural populations that give an incidence of about 9%.</summary>
    public IReadOnlyList<Region> Regions()
    {
        var perVillage = (int)Math.Ceiling(_households / (double)(Townships * VillagesPerTownship));
        var regions = new List<Region> { Region(CountyCode, CountyName, null) };
        for (var t = 0; t < Townships; t++)
        {
            var township = $"{CountyCode[..6]}{100 + t:D3}000";
            regions.Add(Region(township, $"示范{t + 1}镇", null));
            for (var v = 0; v < VillagesPerTownship; v++)
            {
                regions.Add(Region($"{township[..9]}{201 + v:D3}", $"示范{t + 1}镇{v + 1}村", perVillage * 38));
            }
        }

        return regions;
    }

    public IEnumerable<string> VillageCodes() => Regions().Where(r => r.Level == RegionLevel.Village).Select(r => r.Code);

    /// <summary>One helper cadre for every three consecutive households, registered in the village of the first.</summary>
    public IReadOnlyList<DemoHelper> Helpers()
    {
        var random = new Random(_seed + 1);
        var villages = VillageCodes().ToList();
        return Enumerable.Range(0, HelperCount).Select(i => new DemoHelper(
            Name(random),
            WorkUnits[i % WorkUnits.Length],
            $"1390000{i:D4}",
            VillageOf(i * 3, villages))).ToList();
    }

    private int HelperCount => (_households + 2) / 3;

    /// <summary>Households fill the villages in order, so the three households of a helper share a village.</summary>
    private string VillageOf(int household, List<string> villages) => villages[(int)((long)household * villages.Count / _households)];

    public IEnumerable<DemoHousehold> Households(DateOnly today)
    {
        var random = new Random(_seed);
        var villages = VillageCodes().ToList();
        var causes = Shuffled(CauseMix, random);
        var stages = Shuffled(StageMix, random);
        var usedIds = new HashSet<string>();
        for (var i = 0; i < _households; i++)
        {
            var village = VillageOf(i, villages);
            var cause = causes[i % 1000];
            var stage = stages[i % 1000];
            var members = Members(cause, random, today, usedIds);
            var poorIncome = random.NextInt64(180_000, 560_000);
            var exited = stage is DemoStage.Exited;
            yield return new DemoHousehold(
                i,
                village,
                $"{1 + random.Next(8)}组{1 + random.Next(60)}号",
                cause,
                cause == PovertyCause.LackOfFunds ? [] : [PovertyCause.LackOfFunds],
                poorIncome,
                exited || stage == DemoStage.ExitOnNotice ? random.NextInt64(660_000, 1_200_000) : poorIncome + random.NextInt64(0, 60_000),
                PathwayFor(cause),
                today.Year + random.Next(0, 3),
                members,
                stage,
                // Households are paired in order with helpers: three per helper, in the helper's village.
                i / 3);
        }
    }

    private static AssistancePathway PathwayFor(PovertyCause cause) => cause switch
    {
        PovertyCause.Schooling => AssistancePathway.Education,
        PovertyCause.LackOfLabour or PovertyCause.Disability => AssistancePathway.SocialSecurity,
        PovertyCause.Disaster => AssistancePathway.Relocation,
        _ => AssistancePathway.ProductionAndEmployment,
    };

    private static List<MemberInput> Members(PovertyCause cause, Random random, DateOnly today, HashSet<string> usedIds)
    {
        var elderly = cause == PovertyCause.LackOfLabour;
        var headAge = elderly ? random.Next(66, 85) : random.Next(32, 70);
        var headMale = random.Next(10) < 8;
        var surname = Surnames[random.Next(Surnames.Length)];
        var members = new List<MemberInput>
        {
            Person(surname, Relationship.Head, headMale, headAge, random, today, usedIds,
                elderly ? LabourCapacity.Weak : LabourCapacity.Normal),
        };
        if (random.Next(10) < 8)
        {
            members.Add(Person(Surnames[random.Next(Surnames.Length)], Relationship.Spouse, !headMale, headAge + random.Next(-4, 5), random, today, usedIds,
                elderly ? LabourCapacity.None : LabourCapacity.Normal));
        }

        var children = elderly ? 0 : random.Next(0, 4);
        for (var c = 0; c < children; c++)
        {
            var age = Math.Max(1, headAge - random.Next(22, 32));
            members.Add(Person(surname, Relationship.Child, random.Next(2) == 0, age, random, today, usedIds,
                age >= 16 ? LabourCapacity.Normal : LabourCapacity.None,
                age is >= 6 and <= 22 ? SchoolingStatus.InSchool : age < 6 ? SchoolingStatus.NotOfSchoolAge : SchoolingStatus.Completed));
        }

        ApplyCause(cause, members, random, today, surname, usedIds);
        return members;
    }

    /// <summary>Makes the member facts agree with the household's poverty cause.</summary>
    private static void ApplyCause(PovertyCause cause, List<MemberInput> members, Random random, DateOnly today, string surname, HashSet<string> usedIds)
    {
        var someone = members[random.Next(members.Count)];
        switch (cause)
        {
            case PovertyCause.Illness:
                someone.Health = random.Next(3) == 0 ? HealthStatus.SeriousIllness : HealthStatus.ChronicIllness;
                someone.LabourCapacity = someone.Health == HealthStatus.SeriousIllness ? LabourCapacity.None : LabourCapacity.Weak;
                break;
            case PovertyCause.Disability:
                someone.Health = HealthStatus.Disability;
                someone.DisabilityGrade = 1 + random.Next(4);
                someone.LabourCapacity = someone.DisabilityGrade <= 2 ? LabourCapacity.None : LabourCapacity.Weak;
                break;
            case PovertyCause.Schooling when !members.Any(m => m.Schooling == SchoolingStatus.InSchool):
                members.Add(Person(surname, Relationship.Child, random.Next(2) == 0, random.Next(12, 21), random, today, usedIds,
                    LabourCapacity.None, SchoolingStatus.InSchool));
                break;
        }
    }

    private static MemberInput Person(string surname, Relationship relationship, bool male, int age, Random random, DateOnly today,
        HashSet<string> usedIds, LabourCapacity labour, SchoolingStatus schooling = SchoolingStatus.Completed)
    {
        var birth = today.AddYears(-age).AddDays(-random.Next(1, 365));
        string id;
        do
        {
            var sequence = random.Next(0, 500) * 2 + (male ? 1 : 0);
            var first17 = $"{CountyCode[..6]}{birth:yyyyMMdd}{sequence:D3}";
            id = first17 + NationalId.CheckCharacterFor(first17);
        }
        while (!usedIds.Add(id));

        return new MemberInput
        {
            Name = surname + GivenParts[random.Next(GivenParts.Length)] + (random.Next(2) == 0 ? GivenParts[random.Next(GivenParts.Length)] : ""),
            NationalId = id,
            Relationship = relationship,
            Sex = male ? Sex.Male : Sex.Female,
            BirthDate = birth.ToProto(),
            Health = HealthStatus.Healthy,
            LabourCapacity = labour,
            Schooling = schooling,
        };
    }

    private static string Name(Random random) =>
        Surnames[random.Next(Surnames.Length)] + GivenParts[random.Next(GivenParts.Length)] + GivenParts[random.Next(GivenParts.Length)];

    /// <summary>Exactly the given counts per 1,000, in a seeded random order.</summary>
    private static T[] Shuffled<T>((T Value, int PerMille)[] mix, Random random)
    {
        var slots = mix.SelectMany(m => Enumerable.Repeat(m.Value, m.PerMille)).ToArray();
        random.Shuffle(slots);
        return slots;
    }

    private static Region Region(string code, string name, int? ruralPopulation)
    {
        var parsed = RegionCode.Parse(code);
        return new Region { Code = code, Name = name, Level = parsed.Level, ParentCode = parsed.Parent?.Value, RuralPopulation = ruralPopulation };
    }
}
