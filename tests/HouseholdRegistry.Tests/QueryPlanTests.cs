using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Tests.Changes;
using Platform.HouseholdRegistry.Tests.Import;
using Platform.HouseholdRegistry.Tests.Income;
using Platform.HouseholdRegistry.Tests.Screening;
using Platform.HouseholdRegistry.Tests.Support;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>
/// The query-plan guard: the registry's hot paths run once against a registry whose contexts record
/// every query, and the database (SQLite here, PostgreSQL in the twin project) must plan none of them
/// as a read of a whole table that grows with the households. A province's registry holds millions of
/// members: a query that reads them all on every application is a defect whatever the test data's size.
/// </summary>
public sealed class QueryPlanTests : IAsyncLifetime
{
    /// <summary>The registry's own tables whose size does not grow with the households: regions, tallies per region, batches.</summary>
    private static readonly string[] Bounded = ["Regions", "RegionTallies", "ImportBatches", "AssistanceRollBatches"];

    private readonly QueryCapture _capture = new();
    private RegistryFactory _registry = null!;
    private GrpcChannel _channel = null!;

    public Task InitializeAsync()
    {
        _registry = RegistryFactory.WithServices(services => services.AddSingleton<IInterceptor>(_capture));
        _channel = GrpcChannel.ForAddress(_registry.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _registry.Server.CreateHandler() });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task No_hot_path_query_reads_a_growing_table_whole()
    {
        await RunHotPathsAsync();
        await QueryPlans.AssertNoScansAsync(_registry.Database, _capture, atLeast: 40, Bounded);
    }

    /// <summary>What officers and departments do all day, each call once or twice.</summary>
    private async Task RunHotPathsAsync()
    {
        var county = _registry.CountyOfficer(Seeded.Huoqiu, personalData: true);
        var village = _registry.As(PlatformRoles.VillageOfficer, Seeded.Qilipeng, "village.li");
        var households = _registry.Households;
        var cases = new IdentificationService.IdentificationServiceClient(_channel);

        // Applications (with the duplicate-ID check), reads, listings and member changes.
        var applied = await _registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        await _registry.ApplyAsync(Applications.Household(Seeded.ChangjiVillage));
        var registered = await _registry.RegisteredAsync(Seeded.Qilipeng);
        await households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = applied.HouseholdId }, county);
        foreach (var region in new[] { Seeded.Qilipeng, Seeded.Changji, Seeded.Huoqiu })
        {
            var page = await households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = region, Page = new PageRequest { PageSize = 1 } }, county);
            await households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = region, Page = new PageRequest { PageSize = 1, PageToken = page.Page.NextPageToken } }, county);
        }

        await households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = Seeded.Huoqiu, Status = HouseholdStatus.Registered, PrimaryCause = PovertyCause.Illness }, county);
        var child = Applications.Member("新生儿", Relationship.Child, male: true);
        var changed = (await households.ChangeMembersAsync(new ChangeMembersRequest { HouseholdId = registered.HouseholdId, Add = { child } }, county)).Household;
        var head = changed.Members.Single(m => m.Relationship == Relationship.Head);
        await households.ChangeMembersAsync(new ChangeMembersRequest
        {
            HouseholdId = registered.HouseholdId,
            Update = { new MemberFactsUpdate { MemberId = head.MemberId, Health = HealthStatus.ChronicIllness, LabourCapacity = LabourCapacity.Weak, Schooling = SchoolingStatus.Completed } },
        }, county);

        // Identification: the case, its steps and the notice board.
        var history = await cases.GetCaseHistoryAsync(new GetCaseHistoryRequest { HouseholdId = applied.HouseholdId }, county);
        var caseId = history.Cases[^1].CaseId;
        await cases.AppraiseInGroupAsync(new AppraiseInGroupRequest
        {
            CaseId = caseId, Decision = StepDecision.Approve, Votes = new AppraisalVotes { InFavour = 11, Against = 1 }, Minutes = "组评议",
        }, village);
        var reviewed = (await cases.ReviewInVillageAsync(new ReviewInVillageRequest { CaseId = caseId, Minutes = "村民代表会议" }, village)).Case;
        await cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, county);
        await cases.ListNoticesAsync(new ListNoticesRequest { VillageCode = Seeded.Qilipeng, Status = NoticeStatus.Open }, village);
        await cases.ListCasesAsync(new ListCasesRequest { RegionCode = Seeded.Huoqiu, Stage = reviewed.Stage }, county);

        // Income, monitoring, the battle map and statistics.
        var year = _registry.Clock.GetUtcNow().Year;
        await _registry.IncomeClient().RecordIncomeSurveyAsync(IncomeTestKit.Survey(registered.HouseholdId, year, wages: 3_000_000), village);
        await _registry.IncomeClient().GetIncomeAsync(new GetIncomeRequest { HouseholdId = registered.HouseholdId }, county);
        await _registry.IncomeClient().ListExitCandidatesAsync(new ListExitCandidatesRequest { RegionCode = Seeded.Qilipeng, Year = year }, county);
        await _registry.MonitoringClient().ListMonitoredAsync(new ListMonitoredRequest { RegionCode = Seeded.Huoqiu }, county);
        await _registry.MonitoringClient().GetMonitoringHistoryAsync(new GetMonitoringHistoryRequest { HouseholdId = registered.HouseholdId }, county);
        await _registry.Statistics().GetBattleMapAsync(new GetBattleMapRequest { VillageCode = Seeded.Qilipeng }, county);
        foreach (var region in new[] { Seeded.Huoqiu, Seeded.Changji, Seeded.Qilipeng })
        {
            await _registry.Statistics().GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = region }, county);
        }

        // Support: helpers, visits, measures, and the audit trail of one household.
        var helper = await _registry.RegisterHelperAsync(Seeded.Huoqiu);
        await _registry.Support().PairHelperAsync(new PairHelperRequest { HouseholdId = registered.HouseholdId, HelperId = helper.HelperId }, county);
        await _registry.Support().ListHelpersAsync(new ListHelpersRequest { RegionCode = Seeded.Huoqiu }, county);
        await _registry.Support().ListVisitsAsync(new ListVisitsRequest { HouseholdId = registered.HouseholdId }, county);
        await _registry.Support().ListMeasuresAsync(new ListMeasuresRequest { HouseholdId = registered.HouseholdId }, county);
        await _registry.Audit().ListAuditRecordsAsync(new ListAuditRecordsRequest { EntityType = "household", EntityId = registered.HouseholdId },
            _registry.As(PlatformRoles.Auditor, Seeded.Huoqiu, "auditor"));

        // The national system's import (its duplicate lookup) and the screening lists.
        await _registry.ImportAsync("plan-guard", Imports.Registered(Seeded.Qilipeng), Imports.Registered(Seeded.ChangjiVillage));
        await _registry.Screening().ListPriorityCandidatesAsync(new ListPriorityCandidatesRequest { RegionCode = Seeded.Huoqiu }, county);

        // A consumer's inbox look-up, written as InboxConsumer writes it.
        var messageId = Guid.NewGuid();
        const string consumer = "Platform.HouseholdRegistry.Consumers.GuaranteeStatusChangedConsumer";
        await _registry.QueryAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer));

        // Departments following the change feed: a county, a village below it, the province; a stream's replay.
        await _registry.NumberedAsync();
        var feed = _registry.Feed();
        var department = _registry.As(PlatformRoles.DepartmentClient, Seeded.Huoqiu, "civil-affairs");
        await feed.ListChangesAsync(new ListChangesRequest { AfterCursor = "1" }, department);
        await feed.ListChangesAsync(new ListChangesRequest { RegionCode = Seeded.Qilipeng, Kinds = { HouseholdChangeKind.Registered } }, department);
        await feed.ListChangesAsync(new ListChangesRequest(), _registry.As(PlatformRoles.DepartmentClient, Seeded.Anhui, "provincial-civil-affairs"));
        using (var stream = feed.WatchChanges(new WatchChangesRequest(), department))
        {
            Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        }

        // The outbox relay's pass (it runs in the background from the start, and on every commit).
        await Eventually(() => _capture.Queries.Any(q => q.Sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal)));
        Assert.Contains(_capture.Queries, q => q.Sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}
