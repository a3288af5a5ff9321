using Grpc.Core;
using Pa.Common.V1;
using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>Every invalid field is named in a google.rpc.BadRequest, and a rejected application writes nothing.</summary>
public sealed class ApplicationValidationTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    /// <summary>One invalid application per case, and the field it must be rejected for.</summary>
    private static readonly Dictionary<string, (Action<CreateHouseholdApplicationRequest> Spoil, string Field)> Cases = new()
    {
        ["region code of 11 digits"] = (r => r.RegionCode = "34152210420", "region_code"),
        ["region code with letters"] = (r => r.RegionCode = "34152210420A", "region_code"),
        ["county code instead of a village"] = (r => r.RegionCode = Seeded.Huoqiu, "region_code"),
        ["unknown village"] = (r => r.RegionCode = "341522104299", "region_code"),
        ["primary cause unspecified"] = (r => r.PrimaryCause = PovertyCause.Unspecified, "primary_cause"),
        ["no members"] = (r => r.Members.Clear(), "members"),
        ["two heads"] = (r => r.Members[1].Relationship = Relationship.Head, "members"),
        ["no head"] = (r => r.Members[0].Relationship = Relationship.Spouse, "members"),
        ["member name empty"] = (r => r.Members[1].Name = "  ", "members[1].name"),
        ["national ID of 17 characters"] = (r => r.Members[1].NationalId = r.Members[1].NationalId[..17], "members[1].national_id"),
        ["national ID with a wrong check character"] = (r => r.Members[1].NationalId = WrongCheckCharacter(r.Members[1].NationalId), "members[1].national_id"),
        ["national ID with a 13th month"] = (r => r.Members[1].NationalId = WithBirthDigits("19801301"), "members[1].national_id"),
        ["national ID with 30 February"] = (r => r.Members[1].NationalId = WithBirthDigits("19800230"), "members[1].national_id"),
        ["national ID born in the future"] = (r => r.Members[1].NationalId = Applications.NationalIdFor(Seeded.Huoqiu, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), 12, male: false), "members[1].national_id"),
        ["birth date not the one in the ID"] = (r => r.Members[1].BirthDate.Day = r.Members[1].BirthDate.Day % 28 + 1, "members[1].birth_date"),
        ["birth date missing"] = (r => r.Members[1].BirthDate = null, "members[1].birth_date"),
        ["sex not the one in the ID"] = (r => r.Members[1].Sex = Sex.Male, "members[1].sex"),
        ["relationship unspecified"] = (r => r.Members[1].Relationship = Relationship.Unspecified, "members[1].relationship"),
        ["health unspecified"] = (r => r.Members[1].Health = HealthStatus.Unspecified, "members[1].health"),
        ["labour capacity unspecified"] = (r => r.Members[1].LabourCapacity = LabourCapacity.Unspecified, "members[1].labour_capacity"),
        ["disability grade for a healthy member"] = (r => r.Members[0].DisabilityGrade = 2, "members[0].disability_grade"),
        ["no disability grade for a disabled member"] = (r => r.Members[2].DisabilityGrade = 0, "members[2].disability_grade"),
        ["disability grade 5"] = (r => r.Members[2].DisabilityGrade = 5, "members[2].disability_grade"),
        ["same person twice"] = (r => r.Members.Add(SamePersonAsChild(r.Members[0])), "members[3].national_id"),
        ["negative declared income"] = (r => r.DeclaredIncomePerCapita = new Money { Fen = -1 }, "declared_income_per_capita.fen"),
        ["declared income one fen over the bound"] = (r => r.DeclaredIncomePerCapita = new Money { Fen = Platform.ServiceDefaults.MoneyLimits.YearlyIncomeFen + 1 }, "declared_income_per_capita.fen"),
        ["declared income of int64 max"] = (r => r.DeclaredIncomePerCapita = new Money { Fen = long.MaxValue }, "declared_income_per_capita.fen"),
        ["unknown pathway"] = (r => r.Pathway = (AssistancePathway)99, "pathway"),
        ["planned exit year in the past"] = (r => r.PlannedExitYear = 2001, "planned_exit_year"),
        ["present fact without a source"] = (r => r.Facts = new HouseholdFacts { OwnsMotorVehicle = new Fact { Present = true } }, "facts.owns_motor_vehicle.source"),
        ["cadre kinship without a name"] = (r => r.Facts = new HouseholdFacts { CadreKinships = { new CadreKinship { Kind = CadreKind.VillageCadre, Relation = "兄弟" } } }, "facts.cadre_kinships[0].cadre_name"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task An_invalid_application_names_the_field_and_writes_nothing(string caseName)
    {
        var (spoil, field) = Cases[caseName];
        var request = Applications.Household(Seeded.Qilipeng);
        spoil(request);
        var households = await registry.CountHouseholdsAsync(Seeded.Huoqiu);
        var rows = await registry.CountRowsAsync();

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            registry.Households.CreateHouseholdApplicationAsync(request, registry.CountyOfficer(Seeded.Huoqiu)));

        Assert.Contains(field, RpcAssert.InvalidFields(error));
        Assert.Equal(households, await registry.CountHouseholdsAsync(Seeded.Huoqiu));
        Assert.Equal(rows, await registry.CountRowsAsync());
    }

    [Fact]
    public async Task A_declared_income_at_the_bound_is_accepted()
    {
        var request = Applications.Household(Seeded.Qilipeng);
        request.DeclaredIncomePerCapita = new Money { Fen = Platform.ServiceDefaults.MoneyLimits.YearlyIncomeFen };

        var created = await registry.Households.CreateHouseholdApplicationAsync(request, registry.CountyOfficer(Seeded.Huoqiu));

        Assert.Equal(Platform.ServiceDefaults.MoneyLimits.YearlyIncomeFen, created.Household.DeclaredIncomePerCapita.Fen);
    }

    [Fact]
    public async Task All_invalid_fields_are_reported_at_once()
    {
        var request = Applications.Household(Seeded.Qilipeng);
        request.PrimaryCause = PovertyCause.Unspecified;
        request.Members[1].Health = HealthStatus.Unspecified;
        request.Members[2].Name = "";

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            registry.Households.CreateHouseholdApplicationAsync(request, registry.CountyOfficer(Seeded.Huoqiu)));

        Assert.Equal(new[] { "members[1].health", "members[2].name", "primary_cause" }, RpcAssert.InvalidFields(error).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_control_application_is_valid()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));

        Assert.Equal(HouseholdStatus.Applied, household.Status);
    }

    private static string WrongCheckCharacter(string id) => id[..17] + (id[17] == '0' ? '1' : '0');

    /// <summary>A female ID with a correct check character around the given birth-date digits.</summary>
    private static string WithBirthDigits(string yyyyMMdd)
    {
        var first17 = $"341522{yyyyMMdd}122";
        return first17 + Platform.Security.NationalId.CheckCharacterFor(first17);
    }

    private static MemberInput SamePersonAsChild(MemberInput member)
    {
        var copy = member.Clone();
        copy.Relationship = Relationship.Child;
        return copy;
    }
}
