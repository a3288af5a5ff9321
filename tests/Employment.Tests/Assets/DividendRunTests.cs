using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pa.Employment.V1;
using Platform.Employment.Assets;
using DividendPayment = Platform.Employment.Assets.DividendPayment;
using DividendRunStatus = Pa.Employment.V1.DividendRunStatus;
using Platform.Employment.Contracts;
using Platform.Employment.Data;
using static Platform.Employment.Tests.Assets.AssetTestData;

namespace Platform.Employment.Tests.Assets;

/// <summary>
/// The service paying dividends two households per chunk, to see runs span chunks and resume,
/// and with a pig subsidy added to the rate table of 2026.
/// </summary>
public sealed class SmallChunks : IAsyncLifetime
{
    public EmploymentFactory Service { get; } = EmploymentFactory.With(new Dictionary<string, string>
    {
        ["Employment:Assets:DividendChunkSize"] = "2",
        ["Employment:Policy:Years:2026:IndustrySubsidyRatesFen:pig"] = "20000",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Service.DisposeAsync().AsTask();
}

public sealed class DividendRunTests(SmallChunks fixture) : IClassFixture<SmallChunks>
{
    private readonly EmploymentFactory _service = fixture.Service;

    [Fact]
    public async Task A_run_over_several_chunks_pays_every_household_once_and_adds_up()
    {
        var (project, households) = await ProjectWithShareholdersAsync(5, i => i + 1);
        var client = _service.Client<AssetIncomeService.AssetIncomeServiceClient>();
        var response = await client.RunDividendAsync(Dividend(project, "chunks", 1_000_001), _service.CountyOfficer(TestRegions.County));

        Assert.Equal(5, response.Run.ProcessedHouseholds);
        Assert.Equal(1_000_001, response.Run.Paid.Fen);
        var expected = DividendSplitter.Split(1_000_001, households.Select((h, i) => new Holding(h, i + 1)).ToList());
        foreach (var household in households)
        {
            var evt = Assert.Single(await _service.OutboxEventsAsync<DividendPaid>(household));
            Assert.Equal(expected[household], evt.AmountFen);
        }
    }

    [Fact]
    public async Task A_crashed_run_continues_where_it_stopped_without_paying_twice()
    {
        var (project, households) = await ProjectWithShareholdersAsync(5, _ => 1);

        // The first call paid one chunk and then the process died.
        await _service.InScopeAsync(async services =>
        {
            var runner = services.GetRequiredService<DividendRunner>();
            var db = services.GetRequiredService<EmploymentDbContext>();
            var run = await runner.StartAsync(project, "crash", 2025, 1_003, "officer", default);
            await db.SaveChangesAsync();
            await runner.ContinueAsync(run, default, maxChunks: 1);
        });
        Assert.Equal(2, await _service.QueryAsync(db => db.Set<DividendPayment>().CountAsync(p => p.ProjectId == project)));

        var client = _service.Client<AssetIncomeService.AssetIncomeServiceClient>();
        var resumed = await client.RunDividendAsync(Dividend(project, "crash", 1_003), _service.CountyOfficer(TestRegions.County));
        Assert.False(resumed.Replayed);
        Assert.Equal(DividendRunStatus.Completed, resumed.Run.Status);
        Assert.Equal(1_003, resumed.Run.Paid.Fen);

        // 1,003 / 5 = 200 rest 3: the three lowest household ids get 201.
        var lowest = households.Order().Take(3).ToHashSet();
        foreach (var household in households)
        {
            var evt = Assert.Single(await _service.OutboxEventsAsync<DividendPaid>(household));
            Assert.Equal(lowest.Contains(household) ? 201 : 200, evt.AmountFen);
        }

        var replay = await client.RunDividendAsync(Dividend(project, "crash", 1_003), _service.CountyOfficer(TestRegions.County));
        Assert.True(replay.Replayed);
        Assert.Equal(5, (await Task.WhenAll(households.Select(h => _service.OutboxEventsAsync<DividendPaid>(h)))).Sum(e => e.Count));
    }

    [Fact]
    public async Task The_same_run_key_paid_by_several_calls_at_once_is_one_run_paying_every_household_once()
    {
        var (project, households) = await ProjectWithShareholdersAsync(5, i => i + 1);
        var client = _service.Client<AssetIncomeService.AssetIncomeServiceClient>();
        foreach (var runKey in new[] { "race-1", "race-2", "race-3" })
        {
            var responses = new RunDividendResponse?[4];
            var outcomes = await Race.RunAsync(responses.Length, async i =>
                responses[i] = await client.RunDividendAsync(Dividend(project, runKey, 1_000), _service.As(Platform.Security.PlatformRoles.CountyOfficer, TestRegions.County, $"officer-{i}")));

            // One call pays the run to its end; a call that arrives after it is a replay, one that collides with it is told to call again.
            Assert.All(outcomes, o => Assert.Contains(o, new[] { Grpc.Core.StatusCode.OK, Grpc.Core.StatusCode.Aborted }));
            Assert.Equal(1, responses.Count(r => r is { Replayed: false }));
            var run = await _service.QueryAsync(db => db.Set<Employment.Assets.DividendRun>().AsNoTracking().SingleAsync(r => r.ProjectId == project && r.RunKey == runKey));
            Assert.Equal((Employment.Assets.DividendRunStatus.Completed, 1_000L, 5), (run.Status, run.PaidFen, run.ProcessedHouseholds));
            Assert.Equal(5, await _service.QueryAsync(db => db.Set<DividendPayment>().CountAsync(p => p.RunId == run.Id)));
        }

        foreach (var household in households)
        {
            Assert.Equal(3, (await _service.OutboxEventsAsync<DividendPaid>(household)).Count);
        }
    }

    [Fact]
    public async Task Shares_cannot_change_while_a_run_is_unfinished()
    {
        var (project, households) = await ProjectWithShareholdersAsync(3, _ => 1);
        await _service.InScopeAsync(async services =>
        {
            var runner = services.GetRequiredService<DividendRunner>();
            await runner.StartAsync(project, "open", 2025, 100, "officer", default);
            await services.GetRequiredService<EmploymentDbContext>().SaveChangesAsync();
        });

        var client = _service.Client<AssetIncomeService.AssetIncomeServiceClient>();
        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.FailedPrecondition, client.SetSharesAsync(Shares(project, (households[0], 9)), _service.CountyOfficer(TestRegions.County)));
    }

    [Fact]
    public async Task Households_whose_share_rounds_to_nothing_get_no_payment()
    {
        var (project, households) = await ProjectWithShareholdersAsync(3, _ => 1);
        var client = _service.Client<AssetIncomeService.AssetIncomeServiceClient>();
        var response = await client.RunDividendAsync(Dividend(project, "one-fen", 1), _service.CountyOfficer(TestRegions.County));

        Assert.Equal(3, response.Run.ProcessedHouseholds);
        Assert.Equal(1, response.Run.PaidHouseholds);
        Assert.Equal(1, response.Run.Paid.Fen);
        var lowest = households.Min();
        foreach (var household in households)
        {
            Assert.Equal(household == lowest ? 1 : 0, (await _service.OutboxEventsAsync<DividendPaid>(household)).Sum(e => e.AmountFen));
        }
    }

    [Fact]
    public async Task A_year_configured_rate_table_adds_items_to_the_defaults()
    {
        var household = await _service.Household().RegisterAsync();
        var client = _service.Client<AssetIncomeService.AssetIncomeServiceClient>();
        var officer = _service.VillageOfficer(TestRegions.Village);
        var pigs = await client.GrantIndustrySubsidyAsync(new GrantIndustrySubsidyRequest { HouseholdId = household.Id.ToString(), Year = 2026, Item = "pig", Units = 2 }, officer);
        Assert.Equal(40_000, pigs.Subsidy.Amount.Fen);
        var chickens = await client.GrantIndustrySubsidyAsync(new GrantIndustrySubsidyRequest { HouseholdId = household.Id.ToString(), Year = 2026, Item = "chicken", Units = 100 }, officer);
        Assert.Equal(150_000, chickens.Subsidy.Amount.Fen);
        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.FailedPrecondition,
            client.GrantIndustrySubsidyAsync(new GrantIndustrySubsidyRequest { HouseholdId = household.Id.ToString(), Year = 2025, Item = "pig", Units = 2 }, officer));
    }

    private async Task<(Guid Project, List<Guid> Households)> ProjectWithShareholdersAsync(int count, Func<int, long> shares)
    {
        var project = await _service.ProjectAsync();
        var households = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            households.Add((await _service.Household().RegisterAsync()).Id);
        }

        var client = _service.Client<AssetIncomeService.AssetIncomeServiceClient>();
        await client.SetSharesAsync(Shares(project, households.Select((h, i) => (h, shares(i))).ToArray()), _service.CountyOfficer(TestRegions.County));
        return (project, households);
    }
}
