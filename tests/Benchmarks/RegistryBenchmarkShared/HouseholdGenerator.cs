using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Regions;
using Region = Platform.HouseholdRegistry.Regions.Region;
using RegionLevel = Platform.Security.RegionLevel;
using Platform.Security;

namespace Platform.Benchmarks.Registry;

/// <summary>
/// Synthetic registered households of Huoqiu, about 300 to a village, the same ones for the same count
/// on every run: valid 18-character IDs (MOD 11-2 check character, birth date and sex agreeing
/// with the member), about 3.5 members a household, and Huoqiu's cause and pathway mix.
/// </summary>
public static class HouseholdGenerator
{
    public const string Province = "340000000000";

    /// <summary>Huoqiu (霍邱县), whose villages every generated household lives in.</summary>
    public const string County = "341522000000";
    private const string IdRegion = "341522";

    /// <summary>About the size of a real administrative village's registered poor households.</summary>
    public const int HouseholdsPerVillage = 300;

    /// <summary>Townships 100–129 of Huoqiu with villages 201–312 each: 3,360 villages, room for 1,008,000 households.</summary>
    private const int Townships = 30;
    private const int VillagesPerTownship = 112;

    private static readonly (string Code, string Name)[] Villages = [.. VillageCodes().Select(code => (code, RegionName(code, "村")))];

    /// <summary>
    /// The county, its townships and villages the generated households live in, with the names of
    /// the registry's seeded ones; the same tree whatever the count, so households generated past a
    /// database's count (as fresh applications) still have their village.
    /// </summary>
    public static IEnumerable<Region> Regions()
    {
        var townships = VillageCodes().Select(v => v[..9] + "000").Distinct();
        foreach (var code in townships.Concat(VillageCodes()))
        {
            var parsed = RegionCode.Parse(code);
            var village = parsed.Level == RegionLevel.Village;

            // A rural population for every village, so the incidence rate is computed (300 households of about 3.5 people: about 30%).
            yield return new Region
            {
                Code = code,
                Name = RegionName(code, village ? "村" : "镇"),
                Level = parsed.Level,
                ParentCode = parsed.Parent!.Value.Value,
                RuralPopulation = village ? 2_800 + int.Parse(code[9..], CultureInfo.InvariantCulture) * 3 : null,
            };
        }
    }

    private static IEnumerable<string> VillageCodes() =>
        from t in Enumerable.Range(100, Townships)
        from v in Enumerable.Range(201, VillagesPerTownship)
        select $"{IdRegion}{t:000}{v:000}";

    private static string RegionName(string code, string suffix) =>
        RegionSeed.All.FirstOrDefault(r => r.Code == code)?.Name ?? $"{code[6..]}{suffix}";

    /// <summary>Huoqiu's causes of 124,792 poor people: illness 58.9%, disability 8.9%, schooling 9%, lack of labour 8%, the rest other causes.</summary>
    private static readonly (PovertyCause Cause, double Share)[] Causes =
    [
        (PovertyCause.Illness, 0.589), (PovertyCause.Disability, 0.089), (PovertyCause.Schooling, 0.09),
        (PovertyCause.LackOfLabour, 0.08), (PovertyCause.LackOfFunds, 0.06), (PovertyCause.LackOfSkills, 0.04),
        (PovertyCause.LackOfLand, 0.02), (PovertyCause.Disaster, 0.012), (PovertyCause.Other, 0.02),
    ];

    /// <summary>Huoqiu's planned pathways: 68,057 production and employment, 13,819 education, 139 relocation, 42,777 safety net.</summary>
    private static readonly (AssistancePathway Pathway, double Share)[] Pathways =
    [
        (AssistancePathway.ProductionAndEmployment, 0.5454), (AssistancePathway.Education, 0.1107),
        (AssistancePathway.Relocation, 0.0011), (AssistancePathway.SocialSecurity, 0.3428),
    ];

    /// <summary>Household sizes 1–7, mean about 3.5.</summary>
    private static readonly (int Size, double Share)[] SizeShares = [(1, 0.10), (2, 0.18), (3, 0.24), (4, 0.24), (5, 0.15), (6, 0.07), (7, 0.02)];

    public static IEnumerable<ImportedHousehold> Generate(int count)
    {
        var random = new Random(20140101);
        var people = new PersonNumbers(0);
        for (var i = 0; i < count; i++)
        {
            yield return Household(i, random, people);
        }
    }

    /// <summary>
    /// Households for new applications and member changes, endless and the same on every run:
    /// their people's sequence numbers start at <see cref="FreshSequence"/>, which an import's
    /// children reach only past about 2,400,000 households, so none of them was imported. A caller
    /// that files them on a kept database skips the ones earlier runs drew (<paramref name="skip"/>).
    /// </summary>
    public static IEnumerable<ImportedHousehold> Fresh(int skip)
    {
        var random = new Random(20200630);
        var people = new PersonNumbers(FreshSequence);
        for (var i = 0; ; i++)
        {
            var household = Household(i, random, people);
            if (i >= skip)
            {
                yield return household;
            }
        }
    }

    /// <summary>The first sequence number of <see cref="Fresh"/> people: room for 146,000 children, as many elders and twice as many adults.</summary>
    public const int FreshSequence = 480;

    private static ImportedHousehold Household(int index, Random random, PersonNumbers people)
    {
        // Consecutive households share a village, as a village's households are filed together.
        var (village, villageName) = Villages[index / HouseholdsPerVillage % Villages.Length];
        var primary = Pick(Causes, random);
        var application = new CreateHouseholdApplicationRequest
        {
            RegionCode = village,
            Address = $"{villageName}{random.Next(1, 12)}组 {random.Next(1, 200)} 号",
            PrimaryCause = primary,
            OtherCauses = { primary == PovertyCause.LackOfFunds ? PovertyCause.LackOfSkills : PovertyCause.LackOfFunds },
            DeclaredIncomePerCapita = new Money { Fen = random.Next(1_500_00, 3_200_00) },
            Pathway = Pick(Pathways, random),
            PlannedExitYear = random.Next(2016, 2021),
        };
        if (random.NextDouble() < 0.1)
        {
            application.Facts = new HouseholdFacts { LivesInDangerousHouse = new Fact { Present = true, Source = FactSource.Declared, Evidence = "土坯房" } };
        }

        var size = Pick(SizeShares, random);
        var headMale = random.NextDouble() < 0.85;
        application.Members.Add(Member("户主", Relationship.Head, headMale, people.Adult(), random));
        for (var m = 1; m < size; m++)
        {
            application.Members.Add(m switch
            {
                1 => Member("配偶", Relationship.Spouse, !headMale, people.Adult(), random),
                5 or 6 => Member("父母", Relationship.Parent, random.Next(2) == 0, people.Elder(), random),
                _ => Member("子女", Relationship.Child, random.Next(2) == 0, people.Child(), random),
            });
        }

        var registered = new DateTime(2014, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 3 * 365));
        var household = new ImportedHousehold
        {
            Application = application,
            Status = HouseholdStatus.Registered,
            RegisteredAt = Timestamp.FromDateTime(registered),
            IncomePerCapitaAtRegistration = new Money { Fen = application.DeclaredIncomePerCapita.Fen },
            CurrentIncomePerCapita = new Money { Fen = random.Next(4_000_00, 9_000_00) },
            CurrentIncomeYear = 2019,
        };
        if (random.NextDouble() < 0.15)
        {
            household.Status = HouseholdStatus.Exited;
            household.ExitedAt = Timestamp.FromDateTime(new DateTime(2017, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 4 * 365)));
        }

        return household;
    }

    private static MemberInput Member(string role, Relationship relationship, bool male, (DateOnly Birth, int Sequence) person, Random random)
    {
        var first17 = $"{IdRegion}{person.Birth:yyyyMMdd}{person.Sequence * 2 + (male ? 1 : 0):000}";
        var health = random.NextDouble() switch
        {
            < 0.70 => HealthStatus.Healthy,
            < 0.85 => HealthStatus.ChronicIllness,
            < 0.93 => HealthStatus.SeriousIllness,
            _ => HealthStatus.Disability,
        };
        var child = relationship == Relationship.Child;
        return new MemberInput
        {
            Name = $"{role}{random.Next(1000)}",
            NationalId = first17 + NationalId.CheckCharacterFor(first17),
            Relationship = relationship,
            Sex = male ? Sex.Male : Sex.Female,
            BirthDate = new Date { Year = person.Birth.Year, Month = person.Birth.Month, Day = person.Birth.Day },
            Health = health,
            DisabilityGrade = health == HealthStatus.Disability ? random.Next(1, 5) : 0,
            LabourCapacity = health == HealthStatus.Healthy && !child ? LabourCapacity.Normal : health == HealthStatus.ChronicIllness ? LabourCapacity.Weak : LabourCapacity.None,
            Schooling = child && person.Birth.Year >= 2008 ? SchoolingStatus.InSchool : SchoolingStatus.Completed,
        };
    }

    private static T Pick<T>((T Value, double Share)[] shares, Random random)
    {
        var roll = random.NextDouble();
        foreach (var (value, share) in shares)
        {
            roll -= share;
            if (roll < 0)
            {
                return value;
            }
        }

        return shares[^1].Value;
    }

    /// <summary>
    /// Each age group draws birth dates from its own range of days and counts through it, moving to
    /// the next sequence number after every pass, so no two people share a birth date and sequence.
    /// </summary>
    private sealed class PersonNumbers(int firstSequence)
    {
        private int _adults;
        private int _children;
        private int _elders;

        public (DateOnly, int) Adult() => Next(ref _adults, new DateOnly(1945, 1, 1), 14_600);

        public (DateOnly, int) Child() => Next(ref _children, new DateOnly(1995, 1, 1), 7_300);

        public (DateOnly, int) Elder() => Next(ref _elders, new DateOnly(1925, 1, 1), 7_300);

        private (DateOnly, int) Next(ref int counter, DateOnly first, int days)
        {
            var n = counter++;
            var sequence = firstSequence + n / days;

            // The sequence is three digits with the sex in its last: past 499 passes the IDs would repeat.
            return sequence < 500 ? (first.AddDays(n % days), sequence) : throw new InvalidOperationException("The generator has run out of distinct IDs for an age group.");
        }
    }
}
