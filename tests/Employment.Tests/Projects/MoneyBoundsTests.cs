using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Employment.V1;
using Platform.Employment.Welfare;
using Platform.ServiceDefaults;
using static Platform.Employment.Tests.Assets.AssetTestData;
using PostPayBasis = Pa.Employment.V1.PostPayBasis;

namespace Platform.Employment.Tests.Projects;

/// <summary>A hostile client's amounts: beyond the bound they are refused by name and nothing is written; at the bound they pass.</summary>
public sealed class MoneyBoundsTests(EmploymentFactory service) : IClassFixture<EmploymentFactory>
{
    private const long Budget = MoneyLimits.ProjectBudgetFen;

    private readonly ProjectDriver _projects = new(service);

    private static ProposeProjectRequest Proposal(string name, params FundingShare[] funding)
    {
        var request = new ProposeProjectRequest { Name = name, Type = ProjectType.Breeding };
        request.Funding.AddRange(funding);
        return request;
    }

    private Task<int> ProjectsNamedAsync(string name) =>
        service.QueryAsync(db => db.Set<Platform.Employment.Projects.IndustryProject>().CountAsync(p => p.Name == name));

    [Fact]
    public async Task Two_int64_max_shares_are_refused_by_name_and_no_project_is_written()
    {
        var request = Proposal("Overflow farm",
            ProjectDriver.Share(FundingSource.CentralFiscal, long.MaxValue), ProjectDriver.Share(FundingSource.CountyFiscal, long.MaxValue));

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _projects.Client.ProposeProjectAsync(request, service.VillageOfficer(TestRegions.Village)));

        Assert.Equal(["funding[0].amount", "funding[1].amount"], RpcAssert.InvalidFields(error));
        Assert.Equal(0, await ProjectsNamedAsync("Overflow farm"));
    }

    [Fact]
    public async Task The_contract_answers_int64_max_shares_before_the_handler_looks_at_duplicate_sources()
    {
        var request = Proposal("Twice farm",
            ProjectDriver.Share(FundingSource.CentralFiscal, long.MaxValue), ProjectDriver.Share(FundingSource.CentralFiscal, long.MaxValue));

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _projects.Client.ProposeProjectAsync(request, service.VillageOfficer(TestRegions.Village)));

        // The handler's round would also name funding[1].source (each source once); the contract's round ends the call first.
        Assert.Equal(["funding[0].amount", "funding[1].amount"], RpcAssert.InvalidFields(error));
        Assert.Equal(0, await ProjectsNamedAsync("Twice farm"));
    }

    [Fact]
    public async Task A_wage_at_the_monthly_bound_is_recorded_and_one_fen_more_writes_nothing()
    {
        var labour = service.Client<LabourService.LabourServiceClient>();
        var village = service.VillageOfficer(TestRegions.Village);
        var household = await service.Household().Head().RegisterAsync();
        var job = (await labour.StartEmploymentAsync(Labour.LabourRequests.Start(household, household.Head), village)).Employment;

        var over = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            labour.RecordEarningsAsync(Labour.LabourRequests.Earnings(job, 2025, 5, MoneyLimits.MonthlyIncomeFen + 1), village));
        Assert.Equal("amount", RpcAssert.InvalidField(over));
        Assert.Equal(0, await service.QueryAsync(db => db.Set<Platform.Employment.Labour.MonthlyEarning>().CountAsync(m => m.HouseholdId == household.Id)));

        var atBound = await labour.RecordEarningsAsync(Labour.LabourRequests.Earnings(job, 2025, 5, MoneyLimits.MonthlyIncomeFen), village);
        Assert.Equal(MoneyLimits.MonthlyIncomeFen, atBound.Earnings.Amount.Fen);
    }

    [Fact]
    public async Task A_benefit_at_the_household_subsidy_bound_is_linked_and_one_fen_more_writes_nothing()
    {
        var project = await _projects.ImplementingAsync();
        var household = await service.Household(TestRegions.Village).Head().RegisterAsync();
        var county = service.CountyOfficer(TestRegions.County);
        LinkHouseholdRequest Link(long fen) => new()
        {
            ProjectId = project.ProjectId, HouseholdId = household.Id.ToString(), Kind = BenefitKind.Subsidy, AmountPerYear = new Money { Fen = fen },
        };

        var over = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _projects.Client.LinkHouseholdAsync(Link(MoneyLimits.HouseholdSubsidyFen + 1), county));
        Assert.Equal("amount_per_year", RpcAssert.InvalidField(over));
        Assert.Equal(0, await service.QueryAsync(db => db.Set<Platform.Employment.Projects.ProjectBenefitLink>().CountAsync(l => l.HouseholdId == household.Id)));

        var link = (await _projects.Client.LinkHouseholdAsync(Link(MoneyLimits.HouseholdSubsidyFen), county)).Link;
        Assert.Equal(MoneyLimits.HouseholdSubsidyFen, link.AmountPerYear.Fen);
    }

    [Fact]
    public async Task A_budget_at_the_bound_passes_and_one_fen_more_is_refused()
    {
        var officer = service.VillageOfficer(TestRegions.Village);
        var atBound = await _projects.Client.ProposeProjectAsync(
            Proposal("Bound farm", ProjectDriver.Share(FundingSource.CentralFiscal, Budget - 1), ProjectDriver.Share(FundingSource.SelfRaised, 1)), officer);
        Assert.Equal(Budget, atBound.Project.ProposedBudget.Fen);

        var oneShareOver = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            _projects.Client.ProposeProjectAsync(Proposal("Over farm", ProjectDriver.Share(FundingSource.CentralFiscal, Budget + 1)), officer));
        Assert.Equal("funding[0].amount", RpcAssert.InvalidField(oneShareOver));

        var sumOver = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _projects.Client.ProposeProjectAsync(
            Proposal("Over farm", ProjectDriver.Share(FundingSource.CentralFiscal, Budget), ProjectDriver.Share(FundingSource.SelfRaised, 1)), officer));
        Assert.Equal("funding", RpcAssert.InvalidField(sumOver));
        Assert.Equal(0, await ProjectsNamedAsync("Over farm"));
    }

    [Fact]
    public async Task A_replan_with_int64_max_shares_is_refused_by_name()
    {
        var project = await _projects.ProposeAsync();
        var replan = new ReplanProjectRequest { ProjectId = project.ProjectId, What = "More", Why = "Overflow" };
        replan.Funding.Add(ProjectDriver.Share(FundingSource.CentralFiscal, long.MaxValue));
        replan.Funding.Add(ProjectDriver.Share(FundingSource.CountyFiscal, long.MaxValue));

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _projects.Client.ReplanProjectAsync(replan, service.VillageOfficer(TestRegions.Village)));

        Assert.Equal(["funding[0].amount", "funding[1].amount"], RpcAssert.InvalidFields(error));
    }

    [Fact]
    public async Task A_post_rate_at_the_monthly_bound_passes_and_one_fen_more_is_refused()
    {
        var welfare = service.Client<WelfareEmploymentService.WelfareEmploymentServiceClient>();
        var county = service.CountyOfficer(TestRegions.County);

        await welfare.CreatePostAsync(Welfare.WelfareRequests.Post(TestRegions.Village, rateFen: MoneyLimits.MonthlyIncomeFen), county);
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            welfare.CreatePostAsync(Welfare.WelfareRequests.Post(TestRegions.Village, PostPayBasis.PerTask, rateFen: long.MaxValue), county));

        Assert.Equal("rate", RpcAssert.InvalidField(error));
    }

    [Fact]
    public void Post_pay_that_overflows_throws_instead_of_wrapping_under_the_cap()
    {
        Assert.Throws<OverflowException>(() => PostPayCalculator.Monthly(31, long.MaxValue / 2, 80_000));
    }

    [Fact]
    public async Task Collective_income_sources_of_int64_max_are_refused_by_name_not_overflowed()
    {
        const string village = "341522100311";
        var client = service.Client<AssetIncomeService.AssetIncomeServiceClient>();
        var request = new RecordCollectiveIncomeRequest { VillageCode = village, Year = 2025, Amount = new Money { Fen = 0 } };
        request.Sources.Add(new CollectiveIncomeSource { Name = "a", Amount = new Money { Fen = long.MaxValue } });
        request.Sources.Add(new CollectiveIncomeSource { Name = "b", Amount = new Money { Fen = long.MaxValue } });

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, client.RecordCollectiveIncomeAsync(request, service.VillageOfficer(village)));

        Assert.Equal(["sources[0].amount", "sources[1].amount"], RpcAssert.InvalidFields(error));
    }

    [Fact]
    public async Task Quantified_shares_beyond_the_count_bound_are_refused_by_name()
    {
        var client = service.Client<AssetIncomeService.AssetIncomeServiceClient>();
        var project = await service.ProjectAsync();
        var household = await service.Household().RegisterAsync();

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            client.SetSharesAsync(Shares(project, (household.Id, MoneyLimits.Count + 1)), service.CountyOfficer(TestRegions.County)));

        Assert.Equal("holdings[0].shares", RpcAssert.InvalidField(error));
        await client.SetSharesAsync(Shares(project, (household.Id, MoneyLimits.Count)), service.CountyOfficer(TestRegions.County));
    }
}
