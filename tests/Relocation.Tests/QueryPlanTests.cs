using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Relocation.V1;
using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Contracts;
using JobLedger = Platform.Relocation.FollowUp.JobLedger;
using Platform.Relocation.Tests.FollowUp;
using Platform.Relocation.Tests.Plans;
using Platform.Relocation.Tests.Sites;
using Platform.Security;
using Platform.ServiceDefaults;
using static Platform.Relocation.Tests.Plans.PlanCalls;

namespace Platform.Relocation.Tests;

/// <summary>
/// The query-plan guard: the relocation service's hot paths run once, every query is recorded, and
/// the database (SQLite here, PostgreSQL in the twin project) must plan none of them as a read of a
/// whole table that grows with the households. A province relocates hundreds of thousands of
/// families: a listing that reads every plan, unit or member is a defect whatever the test data's size.
/// </summary>
public sealed class QueryPlanTests : IAsyncLifetime
{
    private readonly RelocationFactory _service = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task No_hot_path_query_reads_a_growing_table_whole()
    {
        await RunHotPathsAsync();
        await QueryPlans.AssertNoScansAsync(_service.Database, _service.Queries, atLeast: 40);
    }

    /// <summary>What county officers, the consumers and the background jobs do all day, each call once or twice.</summary>
    private async Task RunHotPathsAsync()
    {
        var county = _service.CountyOfficer(TestRegions.County);
        var relocations = _service.Relocations();
        var followUp = _service.Client<FollowUpService.FollowUpServiceClient>();
        var statistics = _service.Client<StatisticsService.StatisticsServiceClient>();

        // The replica, as the registry's and the assistance service's consumers build it.
        var family = await _service.Household().Head().Spouse("Weak").Child().RegisterAsync();
        var single = await _service.Household().Head().RegisterAsync();
        var cancelled = await _service.Household(TestRegions.OtherVillage).Head().RegisterAsync();
        var now = _service.Clock.GetUtcNow().UtcDateTime;
        await _service.ApplyAsync(new HouseholdMembersChanged(family.Id, family.RegionCode, now.AddMinutes(1), [.. family.Members]));
        await _service.ApplyAsync(new HouseholdIncomeRecorded(family.Id, family.RegionCode, 2025, 1_000_000, 599_999, 0, 1, now));
        await _service.ApplyAsync(new GuaranteeStatusChanged(family.Id, family.RegionCode, "Met", "Met", "NotMet", "Met", "Met", ["Uninsured"], now));

        // Sites: creation, changes, reads and the listings by region.
        var site = await _service.CreateSiteAsync(TestRegions.Township, 10, 40, ("1-101", 7500), ("1-102", 2500), ("1-103", 2500));
        var sites = _service.Sites();
        await sites.SetPublicServicesAsync(new SetPublicServicesRequest { SiteId = site.SiteId, PublicServices = new PublicServices { School = true, Clinic = true } }, county);
        await sites.SetCaseOfficerAsync(new SetCaseOfficerRequest { SiteId = site.SiteId, CaseOfficer = new CaseOfficer { Subject = "wang", Name = "Wang Li" } }, county);
        await sites.UpdateCapacityAsync(new UpdateCapacityRequest { SiteId = site.SiteId, CapacityHouseholds = 12, CapacityPeople = 48 }, county);
        await sites.GetSiteAsync(new GetSiteRequest { SiteId = site.SiteId }, county);
        foreach (var filter in new[] { SiteFilter.Unspecified, SiteFilter.WithoutLeadingIndustry, SiteFilter.BelowStandard })
        {
            await sites.ListSitesAsync(new ListSitesRequest { RegionCode = TestRegions.County, Filter = filter }, county);
        }

        // Planning: the households awaiting a plan, plans, the move-in, the reclamation, a cancellation, the listings.
        foreach (var region in new[] { TestRegions.County, TestRegions.Village })
        {
            var page = await relocations.ListAwaitingPlanAsync(new ListAwaitingPlanRequest { RegionCode = region, Page = new PageRequest { PageSize = 1 } }, county);
            await relocations.ListAwaitingPlanAsync(new ListAwaitingPlanRequest { RegionCode = region, Page = new PageRequest { PageSize = 1, PageToken = page.Page.NextPageToken } }, county);
        }

        await relocations.PlanRelocationAsync(Plan(family, site, "1-101"), county);
        await relocations.PlanRelocationAsync(Plan(single, site, "1-102"), county);
        await relocations.PlanRelocationAsync(Plan(cancelled, site, "1-103"), county);
        await relocations.CancelPlanAsync(new CancelPlanRequest { HouseholdId = cancelled.Id.ToString(), Reason = "Wrong unit" }, county);
        await relocations.RecordMoveInAsync(MoveIn(family, _service.Today), county);
        await relocations.RecordMoveInAsync(MoveIn(single, _service.Today), county);
        await relocations.RecordHomesteadReclaimedAsync(Reclaimed(family, _service.Today), county);
        await relocations.GetRelocationAsync(Get(family), county);
        foreach (var side in new[] { RelocationSide.Unspecified, RelocationSide.Origin, RelocationSide.Destination })
        {
            var page = await relocations.ListRelocationsAsync(new ListRelocationsRequest { RegionCode = TestRegions.County, Side = side, Page = new PageRequest { PageSize = 1 } }, county);
            await relocations.ListRelocationsAsync(new ListRelocationsRequest
            {
                RegionCode = TestRegions.County, Side = side, Stage = RelocationStage.MovedIn, Page = new PageRequest { PageSize = 1, PageToken = page.Page.NextPageToken },
            }, county);
        }

        // Follow-up: the family's figures, work wishes, the zero-employment case, industry links, jobs and the sweep.
        var zero = (await followUp.GetFamilyFollowUpAsync(new GetFamilyFollowUpRequest { HouseholdId = single.Id.ToString() }, county)).Family;
        var caseId = zero.OpenCase.CaseId;
        await followUp.AssignCaseAsync(new AssignCaseRequest { CaseId = caseId, AssigneeSubject = "wang", AssigneeName = "Wang Li" }, county);
        await followUp.RecordCaseActionAsync(new RecordCaseActionRequest
        {
            CaseId = caseId, Kind = CaseActionKind.JobReferral, Details = "Referred to the tea base", TakenOn = _service.Today.ToProto(),
        }, county);
        await followUp.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, county);
        foreach (var status in new[] { CaseStatusFilter.Unspecified, CaseStatusFilter.Open })
        {
            await followUp.ListCasesAsync(new ListCasesRequest { RegionCode = TestRegions.County, Status = status, AssignedTo = "wang" }, county);
            await followUp.ListCasesAsync(new ListCasesRequest { SiteId = site.SiteId, Status = status }, county);
        }

        var industry = new LinkIndustryRequest { HouseholdId = family.Id.ToString(), IndustryId = site.Industries[0].IndustryId };
        await followUp.LinkIndustryAsync(industry, county);
        await followUp.UnlinkIndustryAsync(new UnlinkIndustryRequest { HouseholdId = industry.HouseholdId, IndustryId = industry.IndustryId }, county);
        await followUp.LinkIndustryAsync(industry, county);
        await followUp.RecordWorkWishAsync(new RecordWorkWishRequest
        {
            HouseholdId = family.Id.ToString(), MemberId = family.Head.MemberId.ToString(), Wish = MemberWorkWish.Wishes,
        }, county);
        await _service.QueryAsync(db => JobLedger.IsIrrelevantAsync(db, family.Id, default));
        await _service.QueryAsync(db => JobLedger.FindOrAddAsync(db, Guid.NewGuid(), family.Id, family.Head.MemberId, default));
        await _service.EmployAsync(family, family.Head.MemberId);
        await followUp.ReassessFamiliesAsync(new ReassessFamiliesRequest(), _service.As(PlatformRoles.Operator, TestRegions.Province));

        // Statistics: per site, per region and the unexited relocated households on either side.
        await statistics.GetSiteStatisticsAsync(new GetSiteStatisticsRequest { SiteId = site.SiteId }, county);
        foreach (var region in new[] { TestRegions.County, TestRegions.Township })
        {
            await statistics.GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = region }, county);
        }

        foreach (var side in new[] { RelocationSide.Destination, RelocationSide.Origin })
        {
            await statistics.ListUnexitedRelocatedAsync(new ListUnexitedRelocatedRequest { RegionCode = TestRegions.County, Side = side }, county);
        }

        // A consumer's inbox look-up, written as InboxConsumer writes it.
        var messageId = Guid.NewGuid();
        var consumer = typeof(Households.HouseholdRegisteredConsumer).FullName!;
        await _service.QueryAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer));

        // The outbox relay's pass (it runs in the background from the start, and on every commit).
        await Eventually(() => _service.Queries.Queries.Any(q => q.Sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal)));
        Assert.Contains(_service.Queries.Queries, q => q.Sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}
