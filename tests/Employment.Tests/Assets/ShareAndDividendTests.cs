using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Employment.V1;
using Platform.Employment.Assets;
using DividendPayment = Platform.Employment.Assets.DividendPayment;
using DividendRunStatus = Pa.Employment.V1.DividendRunStatus;
using Platform.Employment.Contracts;
using Platform.HouseholdRegistry.Contracts;
using Platform.Security;
using static Platform.Employment.Tests.Assets.AssetTestData;
using ProjectStatus = Platform.Employment.Projects.ProjectStatus;

namespace Platform.Employment.Tests.Assets;

public sealed class ShareAndDividendTests(EmploymentFactory service) : IClassFixture<EmploymentFactory>
{
    private readonly AssetIncomeService.AssetIncomeServiceClient _client = service.Client<AssetIncomeService.AssetIncomeServiceClient>();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    [Fact]
    public async Task Shares_are_set_replaced_and_listed_in_household_order()
    {
        var project = await service.ProjectAsync();
        var first = await service.Household().RegisterAsync();
        var second = await service.Household(TestRegions.OtherVillage).RegisterAsync();

        var set = await _client.SetSharesAsync(Shares(project, (first.Id, 3), (second.Id, 2)), County);
        Assert.Equal(5, set.TotalShares);
        var replaced = await _client.SetSharesAsync(Shares(project, (first.Id, 4)), County);
        Assert.Equal(6, replaced.TotalShares);
        Assert.Equal(2, replaced.ShareholdingHouseholds);

        var page1 = await _client.ListProjectSharesAsync(new ListProjectSharesRequest { ProjectId = project.ToString(), Page = new() { PageSize = 1 } }, service.VillageOfficer(TestRegions.Village));
        var page2 = await _client.ListProjectSharesAsync(new ListProjectSharesRequest { ProjectId = project.ToString(), Page = new() { PageSize = 1, PageToken = page1.Page.NextPageToken } }, service.VillageOfficer(TestRegions.Village));
        Assert.Equal(6, page1.TotalShares);
        Assert.Equal(2, page1.Page.TotalSize);
        Assert.Equal("", page2.Page.NextPageToken);
        var listed = page1.Holdings.Concat(page2.Holdings).ToDictionary(h => Guid.Parse(h.HouseholdId), h => h.Shares);
        Assert.Equal(new Dictionary<Guid, long> { [first.Id] = 4, [second.Id] = 2 }, listed);
        Assert.True(Guid.Parse(page1.Holdings[0].HouseholdId).CompareTo(Guid.Parse(page2.Holdings[0].HouseholdId)) < 0);
    }

    [Fact]
    public async Task Invalid_shares_are_refused_with_their_fields()
    {
        var project = await service.ProjectAsync();
        var household = await service.Household().RegisterAsync();
        var zero = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.SetSharesAsync(Shares(project, (household.Id, 0)), County));
        Assert.Equal("holdings[0].shares", RpcAssert.InvalidField(zero));
        var twice = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.SetSharesAsync(Shares(project, (household.Id, 1), (household.Id, 2)), County));
        Assert.Equal("holdings[1].household_id", RpcAssert.InvalidField(twice));
        var none = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.SetSharesAsync(Shares(project), County));
        Assert.Equal("holdings", RpcAssert.InvalidField(none));
    }

    [Fact]
    public async Task Only_registered_households_of_the_projects_county_get_shares()
    {
        var project = await service.ProjectAsync();
        var elsewhere = await service.Household(TestRegions.OtherCountyVillage).RegisterAsync();
        await RpcAssert.FailsAsync(StatusCode.NotFound, _client.SetSharesAsync(Shares(project, (elsewhere.Id, 1)), County));
        await RpcAssert.FailsAsync(StatusCode.NotFound, _client.SetSharesAsync(Shares(project, (Guid.CreateVersion7(), 1)), County));

        var exited = await service.Household().RegisterAsync();
        // The exit is a moment after the registration (the replica keeps only newer statuses).
        await service.ApplyAsync(new HouseholdExited(exited.Id, exited.RegionCode, service.Clock.GetUtcNow().UtcDateTime.AddSeconds(1), service.Today.AddYears(5)));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, _client.SetSharesAsync(Shares(project, (exited.Id, 1)), County));
    }

    [Fact]
    public async Task Shares_are_set_by_county_officers_of_the_projects_county_only()
    {
        var project = await service.ProjectAsync();
        var household = await service.Household().RegisterAsync();
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, _client.SetSharesAsync(Shares(project, (household.Id, 1)), service.VillageOfficer(TestRegions.Village)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, _client.SetSharesAsync(Shares(project, (household.Id, 1)), service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, _client.ListProjectSharesAsync(new ListProjectSharesRequest { ProjectId = project.ToString() }, service.CountyOfficer(TestRegions.OtherCounty)));
    }

    [Fact]
    public async Task A_dividend_is_split_exactly_and_published_per_household_with_deterministic_payment_ids()
    {
        var project = await service.ProjectAsync(ProjectStatus.Completed);
        var households = new List<TestHousehold>();
        for (var i = 0; i < 3; i++)
        {
            households.Add(await service.Household().RegisterAsync());
        }

        await _client.SetSharesAsync(Shares(project, households.Select(h => (h.Id, 1L)).ToArray()), County);

        var response = await _client.RunDividendAsync(Dividend(project, "2025-annual", 100), County);
        Assert.False(response.Replayed);
        Assert.Equal(DividendRunStatus.Completed, response.Run.Status);
        Assert.Equal(100, response.Run.Paid.Fen);
        Assert.Equal(3, response.Run.PaidHouseholds);

        var lowest = households.Select(h => h.Id).Min();
        foreach (var household in households)
        {
            var evt = Assert.Single(await service.OutboxEventsAsync<DividendPaid>(household.Id));
            Assert.Equal(household.Id == lowest ? 34 : 33, evt.AmountFen);
            Assert.Equal(DeterministicIds.DividendPayment(project, "2025-annual", household.Id), evt.PaymentId);
            Assert.Equal(project, evt.ProjectId);
            Assert.Equal(2025, evt.Year);
        }
    }

    [Fact]
    public async Task Rerunning_a_run_key_pays_nothing_twice_and_another_amount_under_it_is_refused()
    {
        var project = await service.ProjectAsync();
        var household = await service.Household().RegisterAsync();
        await _client.SetSharesAsync(Shares(project, (household.Id, 2)), County);
        var first = await _client.RunDividendAsync(Dividend(project, "run-1", 5_000), County);

        var again = await _client.RunDividendAsync(Dividend(project, "run-1", 5_000), County);
        Assert.True(again.Replayed);
        Assert.Equal(first.Run.Id, again.Run.Id);
        Assert.Single(await service.OutboxEventsAsync<DividendPaid>(household.Id));
        Assert.Equal(1, await service.QueryAsync(db => db.Set<DividendPayment>().CountAsync(p => p.ProjectId == project)));

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, _client.RunDividendAsync(Dividend(project, "run-1", 5_001), County));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, _client.RunDividendAsync(Dividend(project, "run-1", 5_000, year: 2024), County));

        // A new run key is a new distribution with its own payment id.
        await _client.RunDividendAsync(Dividend(project, "run-2", 1_000), County);
        var events = await service.OutboxEventsAsync<DividendPaid>(household.Id);
        Assert.Equal(2, events.Select(e => e.PaymentId).Distinct().Count());
    }

    [Fact]
    public async Task Dividends_need_a_completed_or_operating_project_with_shares()
    {
        var household = await service.Household().RegisterAsync();
        var proposed = await service.ProjectAsync(ProjectStatus.Implementing);
        await _client.SetSharesAsync(Shares(proposed, (household.Id, 1)), County);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, _client.RunDividendAsync(Dividend(proposed, "x", 100), County));
        Assert.Empty(await service.OutboxEventsAsync<DividendPaid>(household.Id));

        var empty = await service.ProjectAsync();
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, _client.RunDividendAsync(Dividend(empty, "x", 100), County));
    }

    [Fact]
    public async Task Dividend_requests_are_checked_for_role_region_and_fields()
    {
        var project = await service.ProjectAsync();
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, _client.RunDividendAsync(Dividend(project, "x", 100), service.As(PlatformRoles.TownshipOfficer, TestRegions.Township)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, _client.RunDividendAsync(Dividend(project, "x", 100), service.CountyOfficer(TestRegions.OtherCounty)));
        var amount = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.RunDividendAsync(Dividend(project, "x", 0), County));
        Assert.Equal("amount", RpcAssert.InvalidField(amount));
        var key = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.RunDividendAsync(Dividend(project, " ", 100), County));
        Assert.Equal("run_key", RpcAssert.InvalidField(key));
        var year = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, _client.RunDividendAsync(Dividend(project, "x", 100, year: 2027), County));
        Assert.Equal("year", RpcAssert.InvalidField(year));
    }

    [Fact]
    public async Task A_household_sees_its_shares_dividends_and_subsidies_within_its_region()
    {
        var project = await service.ProjectAsync();
        var household = await service.Household().RegisterAsync();
        await _client.SetSharesAsync(Shares(project, (household.Id, 1)), County);
        await _client.RunDividendAsync(Dividend(project, "2025", 12_345), County);
        await _client.GrantIndustrySubsidyAsync(new GrantIndustrySubsidyRequest { HouseholdId = household.Id.ToString(), Year = 2026, Item = "chicken", Units = 100 }, service.VillageOfficer(TestRegions.Village));

        var income = await _client.GetHouseholdAssetIncomeAsync(new GetHouseholdAssetIncomeRequest { HouseholdId = household.Id.ToString() }, service.As(PlatformRoles.Auditor, TestRegions.County));
        Assert.Equal(1, Assert.Single(income.Holdings).Shares);
        var dividend = Assert.Single(income.Dividends);
        Assert.Equal(12_345, dividend.Amount.Fen);
        Assert.Equal("2025", dividend.RunKey);
        Assert.Equal(150_000, Assert.Single(income.Subsidies).Amount.Fen);

        await RpcAssert.FailsAsync(StatusCode.NotFound, _client.GetHouseholdAssetIncomeAsync(new GetHouseholdAssetIncomeRequest { HouseholdId = household.Id.ToString() }, service.CountyOfficer(TestRegions.OtherCounty)));
        var audited = await service.QueryAsync(db => db.AuditRecords.CountAsync(a => a.Action == "assets.household.read" && a.EntityId == household.Id.ToString()));
        Assert.Equal(1, audited);
    }
}
