using Google.Protobuf;
using Pa.Common.V1;
using Pa.Employment.V1;
using Platform.ServiceDefaults;

namespace Platform.Employment.Tests.Contracts;

/// <summary>
/// The employment contracts declare their field rules (protovalidate): each request here is checked by
/// the validator every call passes through, without any handler. At the bound it passes; one beyond
/// names the field with the contract's message.
/// </summary>
public sealed class ContractRuleTests
{
    private const string Id = "0190f2a4-3c1d-7b2e-9a4f-1c2d3e4f5a6b";

    private static Money Fen(long fen) => new() { Fen = fen };

    private static List<(string Field, string Description)> Violations(IMessage request) =>
        RequestValidator.Shared.Check(request).Items.Select(v => (v.Field, v.Description)).ToList();

    private static List<string> Fields(IMessage request) => Violations(request).Select(v => v.Field).ToList();

    private static ProposeProjectRequest Proposal(params long[] shares)
    {
        var request = new ProposeProjectRequest { Name = "Chicken raising", Type = ProjectType.Breeding };
        request.Funding.AddRange(shares.Select((fen, i) => new FundingShare { Source = (FundingSource)(i + 1), Amount = Fen(fen) }));
        return request;
    }

    [Fact]
    public void A_funding_share_is_bounded_by_the_project_budget_limit()
    {
        Assert.Empty(Fields(Proposal(MoneyLimits.ProjectBudgetFen)));
        Assert.Equal([("funding[0].amount", $"must be more than 0 and at most {MoneyLimits.ProjectBudgetFen} fen")], Violations(Proposal(MoneyLimits.ProjectBudgetFen + 1)));
        Assert.Equal(["funding[0].amount"], Fields(Proposal(0)));
        Assert.Equal(["funding[0].amount", "funding[1].amount"], Fields(Proposal(long.MaxValue, long.MaxValue)));
        Assert.Equal(["funding"], Fields(Proposal()));
    }

    [Fact]
    public void A_wage_is_bounded_by_the_monthly_income_limit_and_its_month_by_the_calendar()
    {
        RecordEarningsRequest Earnings(long fen, int month = 5) => new() { EmploymentId = Id, Year = 2025, Month = month, Amount = Fen(fen) };

        Assert.Empty(Fields(Earnings(MoneyLimits.MonthlyIncomeFen)));
        Assert.Equal(["amount"], Fields(Earnings(MoneyLimits.MonthlyIncomeFen + 1)));
        Assert.Equal(["month"], Fields(Earnings(100, month: 13)));
        Assert.Equal([("amount", "is required")], Violations(new RecordEarningsRequest { EmploymentId = Id, Year = 2025, Month = 5 }));
    }

    [Fact]
    public void A_benefit_per_year_is_bounded_by_the_household_subsidy_limit()
    {
        LinkHouseholdRequest Link(long fen) => new() { ProjectId = Id, HouseholdId = Id, Kind = BenefitKind.Dividend, AmountPerYear = Fen(fen) };

        Assert.Empty(Fields(Link(MoneyLimits.HouseholdSubsidyFen)));
        Assert.Equal(["amount_per_year"], Fields(Link(MoneyLimits.HouseholdSubsidyFen + 1)));
        Assert.Equal(["kind"], Fields(new LinkHouseholdRequest(Link(1)) { Kind = (BenefitKind)99 }));
    }

    [Fact]
    public void Collective_income_may_be_zero_but_not_negative_and_lists_at_most_twenty_sources()
    {
        var income = new RecordCollectiveIncomeRequest { VillageCode = "341522100201", Year = 2025, Amount = Fen(0) };
        Assert.Empty(Fields(income));
        Assert.Equal(["amount"], Fields(new RecordCollectiveIncomeRequest(income) { Amount = Fen(-1) }));

        var many = new RecordCollectiveIncomeRequest(income);
        many.Sources.AddRange(Enumerable.Range(0, 21).Select(i => new CollectiveIncomeSource { Name = $"s{i}", Amount = Fen(0) }));
        Assert.Equal(["sources"], Fields(many));
    }

    [Fact]
    public void Shares_are_counted_up_to_the_count_limit_for_at_most_five_thousand_households()
    {
        SetSharesRequest Shares(long shares, int households = 1)
        {
            var request = new SetSharesRequest { ProjectId = Id };
            request.Holdings.AddRange(Enumerable.Range(0, households).Select(_ => new HouseholdShares { HouseholdId = Id, Shares = shares }));
            return request;
        }

        Assert.Empty(Fields(Shares(MoneyLimits.Count)));
        Assert.Equal(["holdings[0].shares"], Fields(Shares(MoneyLimits.Count + 1)));
        Assert.Equal(["holdings"], Fields(Shares(1, households: 5_001)));
    }

    [Fact]
    public void Ids_region_codes_enums_and_lengths_are_the_contracts()
    {
        Assert.Equal(["project_id"], Fields(new GetProjectRequest { ProjectId = "project-1" }));
        Assert.Empty(Fields(new ListProjectsRequest()));
        Assert.Equal(["region_code"], Fields(new ListProjectsRequest { RegionCode = "3415" }));
        Assert.Equal(["village_code"], Fields(new RunPostPayrollRequest { Year = 2026, Month = 1 }));
        Assert.Equal(["type"], Fields(new StartEmploymentRequest { HouseholdId = Id, MemberId = Id, Employer = "Mill", MonthlyIncome = Fen(0) }));
        Assert.Empty(Fields(new RejectProjectRequest { ProjectId = Id, Reason = new string('x', 400) }));
        Assert.Equal(["reason"], Fields(new RejectProjectRequest { ProjectId = Id, Reason = new string('x', 401) }));
        Assert.Equal(["quantity"], Fields(new RecordAttendanceRequest { AssignmentId = Id, Quantity = 1_001 }));
    }
}
