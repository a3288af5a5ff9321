using Google.Protobuf.WellKnownTypes;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Import;
using Platform.HouseholdRegistry.Policy;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Tests.Import;

/// <summary>The rules a migrated household must meet, each item and its boundaries.</summary>
public sealed class ImportRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Caller HuoqiuOfficer = new("officer", "officer", PlatformRoles.CountyOfficer, RegionCode.Parse(Seeded.Huoqiu), new HashSet<string>());
    private static readonly HashSet<string> Villages = [Seeded.Qilipeng, Seeded.Donghu, Seeded.Xincun];

    private static Timestamp At(int year, int month = 1, int day = 1) => Timestamp.FromDateTime(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc));

    private static readonly Dictionary<string, (Action<ImportedHousehold> Spoil, string? Field)> Cases = new()
    {
        ["the control household"] = (_ => { }, null),
        ["an exited household"] = (h => { h.Status = HouseholdStatus.Exited; h.ExitedAt = At(2020); }, null),
        ["status applied"] = (h => h.Status = HouseholdStatus.Applied, "status"),
        ["status unspecified"] = (h => h.Status = HouseholdStatus.Unspecified, "status"),
        ["registered_at missing"] = (h => h.RegisteredAt = null, "registered_at"),
        ["registered the last day of 2013"] = (h => h.RegisteredAt = At(2013, 12, 31), "registered_at"),
        ["registered the first day of 2014"] = (h => h.RegisteredAt = At(2014), null),
        ["registered now"] = (h => { h.RegisteredAt = Timestamp.FromDateTime(Now); h.CurrentIncomeYear = 2026; }, null),
        ["registered a second from now"] = (h => { h.RegisteredAt = Timestamp.FromDateTime(Now.AddSeconds(1)); h.CurrentIncomeYear = 2026; }, "registered_at"),
        ["exited without exited_at"] = (h => h.Status = HouseholdStatus.Exited, "exited_at"),
        ["exited before registration"] = (h => { h.Status = HouseholdStatus.Exited; h.ExitedAt = At(2015, 12, 31); }, "exited_at"),
        ["exited on the registration day"] = (h => { h.Status = HouseholdStatus.Exited; h.ExitedAt = At(2016, 3, 1); }, null),
        ["exited in the future"] = (h => { h.Status = HouseholdStatus.Exited; h.ExitedAt = Timestamp.FromDateTime(Now.AddDays(1)); }, "exited_at"),
        ["exited_at on a registered household"] = (h => h.ExitedAt = At(2020), "exited_at"),
        ["negative income at registration"] = (h => h.IncomePerCapitaAtRegistration = new Money { Fen = -1 }, "income_per_capita_at_registration.fen"),
        ["zero income at registration"] = (h => h.IncomePerCapitaAtRegistration = new Money { Fen = 0 }, null),
        ["negative current income"] = (h => h.CurrentIncomePerCapita = new Money { Fen = -1 }, "current_income_per_capita.fen"),
        ["current income without a year"] = (h => h.CurrentIncomeYear = 0, "current_income_year"),
        ["current income year before registration"] = (h => h.CurrentIncomeYear = 2015, "current_income_year"),
        ["current income of the registration year"] = (h => h.CurrentIncomeYear = 2016, null),
        ["current income of this year"] = (h => h.CurrentIncomeYear = 2026, null),
        ["current income of next year"] = (h => h.CurrentIncomeYear = 2027, "current_income_year"),
        ["a year without current income"] = (h => h.CurrentIncomePerCapita = null, "current_income_year"),
        ["no current income at all"] = (h => { h.CurrentIncomePerCapita = null; h.CurrentIncomeYear = 0; }, null),
        ["no application"] = (h => h.Application = null, "application"),
        ["planned exit in 2014"] = (h => h.Application.PlannedExitYear = 2014, null),
        ["planned exit in 2013"] = (h => h.Application.PlannedExitYear = 2013, "application.planned_exit_year"),
        ["planned exit ten years ahead"] = (h => h.Application.PlannedExitYear = 2036, null),
        ["planned exit eleven years ahead"] = (h => h.Application.PlannedExitYear = 2037, "application.planned_exit_year"),
        ["an application rule: no head"] = (h => h.Application.Members[0].Relationship = Relationship.Spouse, "application.members"),
        ["an application rule: a member's ID"] = (h => h.Application.Members[1].NationalId = "1", "application.members[1].national_id"),
        ["a village of another county"] = (h => h.Application.RegionCode = Seeded.Xincun, "application.region_code"),
        ["a village the registry does not know"] = (h => h.Application.RegionCode = Seeded.Hekou, "application.region_code"),
        ["a county instead of a village"] = (h => h.Application.RegionCode = Seeded.Huoqiu, "application.region_code"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_rule_names_its_field(string caseName)
    {
        var (spoil, field) = Cases[caseName];
        var household = Imports.Registered(Seeded.Qilipeng);
        spoil(household);
        var violations = new FieldViolations();

        var members = ImportRules.Validate(household, Now, HuoqiuOfficer, Villages, violations);

        if (field is null)
        {
            Assert.Empty(violations.Items);
            Assert.Equal(3, members.Count);
        }
        else
        {
            Assert.Equal(field, Assert.Single(violations.Items).Field);
        }
    }

    [Theory]
    [InlineData("batch-2026.01_a", "national-system", 0, null)]
    [InlineData("", "national-system", 0, "header.batch_id")]
    [InlineData("has space", "national-system", 0, "header.batch_id")]
    [InlineData("批次", "national-system", 0, "header.batch_id")]
    [InlineData("b", "   ", 0, "header.source")]
    [InlineData("b", "national-system", -1, "header.registered")]
    public void The_header_is_checked(string batchId, string source, long registered, string? field)
    {
        var violations = new FieldViolations();

        ImportRules.ValidateHeader(new ImportHeader { BatchId = batchId, Source = source, Registered = registered }, violations);

        Assert.Equal(field is null ? [] : [field], violations.Items.Select(v => v.Field));
    }

    [Fact]
    public void The_batch_id_may_have_64_characters_not_65()
    {
        var ok = new FieldViolations();
        var tooLong = new FieldViolations();

        ImportRules.ValidateHeader(new ImportHeader { BatchId = new string('a', 64), Source = "s" }, ok);
        ImportRules.ValidateHeader(new ImportHeader { BatchId = new string('a', 65), Source = "s" }, tooLong);

        Assert.False(ok.Any);
        Assert.Equal("header.batch_id", Assert.Single(tooLong.Items).Field);
    }

    [Fact]
    public void Support_lasts_the_exit_years_support_period_from_the_exit_day()
    {
        var exited = new DateTime(2020, 2, 29, 10, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateOnly(2025, 2, 28), ImportRules.SupportUntil(exited, new YearPolicy()));
        Assert.Equal(new DateOnly(2023, 2, 28), ImportRules.SupportUntil(exited, new YearPolicy { PostExitSupportYears = 3 }));
    }
}
