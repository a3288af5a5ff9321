using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Employment.V1;
using Platform.Employment.Tests.Assets;
using Platform.Employment.Tests.Projects;
using static Platform.Employment.Tests.Labour.LabourRequests;
using WelfareRequests = Platform.Employment.Tests.Welfare.WelfareRequests;

namespace Platform.Employment.Tests;

/// <summary>
/// The query-plan guard: the service's hot paths run once, every query is recorded, and the database
/// (SQLite here, PostgreSQL in the twin project) must plan none of them as a read of a whole table
/// that grows with the households. A province holds millions of labourers: a query that reads them
/// all on every listing is a defect whatever the test data's size.
/// </summary>
public sealed class QueryPlanTests : IAsyncLifetime
{
    private readonly EmploymentFactory _service = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task No_hot_path_query_reads_a_growing_table_whole()
    {
        await RunHotPathsAsync();
        await QueryPlans.AssertNoScansAsync(_service.Database, _service.Queries, atLeast: 90);
    }

    /// <summary>What officers and departments do all day, each call once or twice.</summary>
    private async Task RunHotPathsAsync()
    {
        var county = _service.CountyOfficer(TestRegions.County);
        var village = _service.VillageOfficer(TestRegions.Village);
        var auditor = _service.As(Platform.Security.PlatformRoles.Auditor, TestRegions.County);
        var first = await _service.Household().Head().Spouse().Child().RegisterAsync();
        var second = await _service.Household(TestRegions.OtherVillage).Head().RegisterAsync();

        await LabourAsync(first, village, county);
        await WelfareAsync(first, second, county);
        await ProjectsAsync(first, county, auditor);
        await AssetsAsync(first, second, county);

        // A consumer's inbox look-up, written as InboxConsumer writes it.
        var messageId = Guid.NewGuid();
        const string consumer = "Platform.Employment.Labourers.HouseholdRegisteredConsumer";
        await _service.QueryAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer));

        // The outbox relay's pass (it runs in the background from the start, and on every commit).
        await Eventually(() => _service.Queries.Queries.Any(q => q.Sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal)));
        Assert.Contains(_service.Queries.Queries, q => q.Sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal));
    }

    /// <summary>The labour archive, job starts and ends, earnings, the labourer listings and the return-to-work rate.</summary>
    private async Task LabourAsync(TestHousehold household, CallOptions village, CallOptions county)
    {
        var labour = _service.Client<LabourService.LabourServiceClient>();
        await labour.RecordSkillsAsync(Skills(household, household.Head, "Sewing"), village);
        await labour.RecordTrainingAsync(Training(household, household.Head), village);
        await labour.RecordJobWishAsync(Wish(household, household.Members[1]), village);
        var job = (await labour.StartEmploymentAsync(Start(household, household.Head, startedOn: Day(2025, 3, 1)), village)).Employment;
        await labour.RecordEarningsAsync(Earnings(job, 2026, 1, 250_000), village);
        await labour.EndEmploymentAsync(End(job, Day(2026, 1, 20)), village);
        var migrant = (await labour.StartEmploymentAsync(Start(household, household.Head, EmploymentType.OutOfProvinceMigrant, Day(2026, 2, 20)), village)).Employment;
        await labour.GrantTransportSubsidyAsync(new GrantTransportSubsidyRequest { EmploymentId = migrant.EmploymentId, Year = 2026 }, village);
        await labour.GetLabourArchiveAsync(Archive(household, household.Head), county);
        foreach (var region in new[] { TestRegions.Village, TestRegions.Township, TestRegions.County })
        {
            foreach (var filter in new[] { LabourerFilter.Unspecified, LabourerFilter.Employed, LabourerFilter.Unemployed, LabourerFilter.ZeroEmploymentFamilies })
            {
                var page = await labour.ListLabourersAsync(new ListLabourersRequest { RegionCode = region, Filter = filter, Page = new PageRequest { PageSize = 1 } }, county);
                await labour.ListLabourersAsync(new ListLabourersRequest { RegionCode = region, Filter = filter, Page = new PageRequest { PageSize = 1, PageToken = page.Page.NextPageToken } }, county);
            }

            await labour.GetReturnToWorkRateAsync(new GetReturnToWorkRateRequest { RegionCode = region, CampaignStart = Day(2026, 2, 1), AsOf = Day(2026, 3, 1) }, county);
        }
    }

    /// <summary>Workshops and their subsidy, public-welfare posts, attendance, the payroll and its listings.</summary>
    private async Task WelfareAsync(TestHousehold first, TestHousehold second, CallOptions county)
    {
        var welfare = _service.Client<WelfareEmploymentService.WelfareEmploymentServiceClient>();
        var workshop = (await welfare.RegisterWorkshopAsync(WelfareRequests.Workshop(TestRegions.Village, new DateOnly(2025, 1, 10)), county)).Workshop;
        var hire = new HireWorkshopEmployeeRequest { WorkshopId = workshop.WorkshopId, LabourerId = first.Members[1].Id.ToString(), HiredOn = WelfareRequests.Day(new DateOnly(2025, 2, 1)) };
        var employee = (await welfare.HireWorkshopEmployeeAsync(hire, county)).Employee;
        await welfare.ComputeWorkshopSubsidyAsync(new ComputeWorkshopSubsidyRequest { WorkshopId = workshop.WorkshopId, Year = 2025 }, county);
        await Attempt(welfare.GrantWorkshopSubsidyAsync(new GrantWorkshopSubsidyRequest { WorkshopId = workshop.WorkshopId, Year = 2025 }, county));
        await welfare.ReleaseWorkshopEmployeeAsync(new ReleaseWorkshopEmployeeRequest { EmploymentId = employee.EmploymentId, LeftOn = WelfareRequests.Day(new DateOnly(2026, 2, 28)) }, county);

        var post = (await welfare.CreatePostAsync(WelfareRequests.Post(TestRegions.OtherVillage), county)).Post;
        var assign = new AssignPostRequest { PostId = post.PostId, LabourerId = second.Head.Id.ToString(), StartedOn = WelfareRequests.Day(new DateOnly(2026, 1, 15)) };
        var assignment = (await welfare.AssignPostAsync(assign, county)).Assignment;
        await welfare.RecordAttendanceAsync(new RecordAttendanceRequest { AssignmentId = assignment.AssignmentId, WorkedOn = WelfareRequests.Day(new DateOnly(2026, 2, 14)), Quantity = 10 }, county);
        await welfare.RunPostPayrollAsync(new RunPostPayrollRequest { VillageCode = TestRegions.OtherVillage, Year = 2026, Month = 2 }, county);
        await welfare.GetVillagePostTotalsAsync(new GetVillagePostTotalsRequest { VillageCode = TestRegions.OtherVillage, Year = 2026, Month = 2 }, county);
        await welfare.EndPostAssignmentAsync(new EndPostAssignmentRequest { AssignmentId = assignment.AssignmentId, EndedOn = WelfareRequests.Day(new DateOnly(2026, 2, 28)) }, county);
        foreach (var region in new[] { TestRegions.OtherVillage, TestRegions.Township, TestRegions.County })
        {
            var page = await welfare.ListWorkshopsAsync(new ListWorkshopsRequest { RegionCode = region, Page = new PageRequest { PageSize = 1 } }, county);
            await welfare.ListWorkshopsAsync(new ListWorkshopsRequest { RegionCode = region, Page = new PageRequest { PageSize = 1, PageToken = page.Page.NextPageToken } }, county);
            await welfare.ListPostsAsync(new ListPostsRequest { RegionCode = region }, county);
            await welfare.ListPayslipsAsync(new ListPayslipsRequest { RegionCode = region, Year = 2026, Month = 2 }, county);
        }
    }

    /// <summary>The project library: its lifecycle, funding, benefit links, concerns and listings.</summary>
    private async Task ProjectsAsync(TestHousehold household, CallOptions county, CallOptions auditor)
    {
        var projects = new ProjectDriver(_service);
        var project = await projects.ImplementingAsync();
        await projects.ProgressAsync(project.ProjectId, 50);
        await projects.Disburse(project.ProjectId, 100_000);
        await projects.Client.ListDisbursementsAsync(new ListDisbursementsRequest { ProjectId = project.ProjectId }, auditor);
        await projects.Client.GetFundProgressAsync(new GetFundProgressRequest { CountyCode = TestRegions.County, Year = 2026 }, auditor);
        var link = new LinkHouseholdRequest { ProjectId = project.ProjectId, HouseholdId = household.Id.ToString(), Kind = BenefitKind.Dividend, AmountPerYear = new Money { Fen = 50_000 } };
        await projects.Client.LinkHouseholdAsync(link, county);
        await projects.Client.ListProjectLinksAsync(new ListProjectLinksRequest { ProjectId = project.ProjectId }, county);
        await projects.Client.ListHouseholdLinksAsync(new ListHouseholdLinksRequest { HouseholdId = household.Id.ToString() }, county);
        await projects.Client.GetProjectAsync(new GetProjectRequest { ProjectId = project.ProjectId }, county);
        var rejected = await projects.ProposeAsync();
        await projects.Client.RejectProjectAsync(new RejectProjectRequest { ProjectId = rejected.ProjectId, Reason = "Duplicate" }, county);
        foreach (var region in new[] { TestRegions.Village, TestRegions.Township, TestRegions.County })
        {
            var page = await projects.Client.ListProjectsAsync(new ListProjectsRequest { RegionCode = region, Page = new PageRequest { PageSize = 1 } }, auditor);
            await projects.Client.ListProjectsAsync(new ListProjectsRequest { RegionCode = region, Page = new PageRequest { PageSize = 1, PageToken = page.Page.NextPageToken } }, auditor);
            await projects.Client.ListProjectsAsync(new ListProjectsRequest { RegionCode = region, Status = ProjectStatus.Proposed }, auditor);
            await projects.Client.ListProjectConcernsAsync(new ListProjectConcernsRequest { RegionCode = region }, auditor);
        }
    }

    /// <summary>Shares, a dividend run, industry subsidies, a household's asset income and the collective income.</summary>
    private async Task AssetsAsync(TestHousehold first, TestHousehold second, CallOptions county)
    {
        var assets = _service.Client<AssetIncomeService.AssetIncomeServiceClient>();
        var project = await _service.ProjectAsync();
        await assets.SetSharesAsync(AssetTestData.Shares(project, (first.Id, 3), (second.Id, 2)), county);
        await assets.ListProjectSharesAsync(new ListProjectSharesRequest { ProjectId = project.ToString(), Page = new PageRequest { PageSize = 1 } }, county);
        await assets.RunDividendAsync(AssetTestData.Dividend(project, "plan-guard", 10_000), county);
        await assets.RunDividendAsync(AssetTestData.Dividend(project, "plan-guard", 10_000), county);
        await assets.GrantIndustrySubsidyAsync(new GrantIndustrySubsidyRequest { HouseholdId = first.Id.ToString(), Year = 2026, Item = "chicken", Units = 100 }, _service.VillageOfficer(TestRegions.Village));
        await assets.GetHouseholdAssetIncomeAsync(new GetHouseholdAssetIncomeRequest { HouseholdId = first.Id.ToString() }, county);
        var income = new RecordCollectiveIncomeRequest { VillageCode = TestRegions.Village, Year = 2025, Amount = new Money { Fen = 17_000_000 } };
        await assets.RecordCollectiveIncomeAsync(income, county);
        foreach (var region in new[] { TestRegions.Village, TestRegions.Township, TestRegions.County })
        {
            await assets.ListVillagesBelowStandardAsync(new ListVillagesBelowStandardRequest { RegionCode = region, Year = 2025 }, county);
        }
    }

    /// <summary>A call whose preconditions the test data may not meet: its look-ups ran all the same.</summary>
    private static async Task Attempt<T>(AsyncUnaryCall<T> call)
    {
        try
        {
            await call;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition)
        {
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}
