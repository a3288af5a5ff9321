using System.Security.Claims;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Screening;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Tests.Screening;

public sealed class RollRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static readonly RollScope HuoqiuScope = new(
        Caller.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity([new Claim(PlatformClaims.Role, PlatformRoles.CountyOfficer), new Claim(PlatformClaims.Region, Seeded.Huoqiu)])))!,
        RegionCode.Parse(Seeded.Huoqiu),
        new HashSet<string> { Seeded.Qilipeng, Seeded.Donghu },
        Today);

    private static List<RollRowProblem> Check(AssistanceRollRow row, Dictionary<string, int>? seen = null)
    {
        var problems = new List<RollRowProblem>();
        RollRules.ValidateRow(row, 7, HuoqiuScope, seen ?? [], problems);
        return problems;
    }

    [Fact]
    public void A_good_row_is_accepted_and_remembered_for_duplicates()
    {
        var seen = new Dictionary<string, int>();
        var id = ScreeningKit.NewNationalId();
        var problems = new List<RollRowProblem>();

        var row = RollRules.ValidateRow(ScreeningKit.Row(id, 3000), 7, HuoqiuScope, seen, problems);

        Assert.Empty(problems);
        Assert.Equal((Seeded.Qilipeng, 300_000L, 3), (row!.VillageCode, row.PerCapitaIncomeFen, row.MemberCount));
        Assert.Equal(7, seen[id]);
        Assert.Equal("already appears in row 7", Assert.Single(Check(ScreeningKit.Row(id, 3000), seen)).Reason);
    }

    [Theory]
    [InlineData(Seeded.Xincun, "is outside your region 341522000000")]
    [InlineData("341522104209", "is not a village known to the registry")]
    [InlineData(Seeded.Changji, "must be the 12-digit code of a village")]
    public void The_village_must_be_a_known_village_of_the_batch_county_within_scope(string village, string reason)
    {
        var problem = Assert.Single(Check(ScreeningKit.Row(ScreeningKit.NewNationalId(), 3000, village)));

        Assert.Equal((7, "village_code", reason), (problem.RowNumber, problem.Field, problem.Reason));
    }

    [Fact]
    public void Every_problem_of_a_row_is_reported_with_its_field()
    {
        var row = ScreeningKit.Row("12345", -1, name: " ", members: 31);
        row.MonthlyAllowance = null;

        var fields = Check(row).Select(p => p.Field).ToList();

        Assert.Equal(["head_name", "member_count", "per_capita_income", "monthly_allowance", "head_national_id"], fields);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(30, true)]
    public void Member_count_is_one_to_thirty(int members, bool valid) =>
        Assert.Equal(valid, Check(ScreeningKit.Row(ScreeningKit.NewNationalId(), 3000, members: members)).Count == 0);

    [Theory]
    [InlineData(MoneyLimits.YearlyIncomeFen, MoneyLimits.MonthlyIncomeFen, new string[0])]
    [InlineData(MoneyLimits.YearlyIncomeFen + 1, MoneyLimits.MonthlyIncomeFen + 1, new[] { "per_capita_income", "monthly_allowance" })]
    [InlineData(long.MaxValue, long.MaxValue, new[] { "per_capita_income", "monthly_allowance" })]
    public void Incomes_and_allowances_pass_at_their_bound_and_fail_beyond(long incomeFen, long allowanceFen, string[] fields)
    {
        var row = ScreeningKit.Row(ScreeningKit.NewNationalId(), 3000);
        (row.PerCapitaIncome.Fen, row.MonthlyAllowance.Fen) = (incomeFen, allowanceFen);

        Assert.Equal(fields, Check(row).Select(p => p.Field));
    }

    [Fact]
    public void The_header_names_a_future_date_and_a_county_that_is_not_one()
    {
        var violations = new FieldViolations();
        var header = new AssistanceRollHeader { BatchId = "b", RollKind = AssistanceRollKind.RuralMinimumLivingAllowance, AsOf = Today.AddDays(1).ToProto(), CountyCode = Seeded.Qilipeng };

        Assert.Null(RollRules.ValidateHeader(header, Today, violations));
        Assert.Equal(["header.as_of", "header.county_code"], violations.Items.Select(v => v.Field));
    }

    [Fact]
    public void A_missing_header_is_reported_as_such()
    {
        var violations = new FieldViolations();

        Assert.Null(RollRules.ValidateHeader(null, Today, violations));
        Assert.Equal("header", Assert.Single(violations.Items).Field);
    }
}
