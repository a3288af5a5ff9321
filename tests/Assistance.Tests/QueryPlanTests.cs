using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Pa.Common.V1;
using Platform.Assistance.Tests.Education;
using Platform.HouseholdRegistry.Contracts;
using Platform.Security;
using static Platform.Assistance.Tests.Housing.HousingRequests;
using static Platform.Assistance.Tests.Water.WaterRequests;

namespace Platform.Assistance.Tests;

/// <summary>
/// The query-plan guard: the assistance service's hot paths run once, every query they send is
/// recorded, and the database (SQLite here, PostgreSQL in the twin project) must plan none of them as
/// a read of a whole table that grows with the households. A province holds millions of assisted
/// members: a county's listing that reads them all is a defect whatever the test data's size.
/// </summary>
public sealed class QueryPlanTests : IAsyncLifetime
{
    private readonly AssistanceFactory _service = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task No_hot_path_query_reads_a_growing_table_whole()
    {
        await RunHotPathsAsync();
        await QueryPlans.AssertNoScansAsync(_service.Database, _service.Queries, atLeast: 40);
    }

    /// <summary>What officers and departments do all day, each call once or twice.</summary>
    private async Task RunHotPathsAsync()
    {
        var county = _service.CountyOfficer(TestRegions.County);
        var village = _service.VillageOfficer(TestRegions.Village);

        // Households arrive as registry events; one changes its members, another leaves the village's list.
        var household = await _service.Household().Head().Child(age: 10).Child(age: 14, schooling: "DroppedOut").RegisterAsync();
        var neighbour = await _service.Household().Head().RegisterAsync();
        await _service.Household(TestRegions.OtherVillage).Head().RegisterAsync();
        await _service.ApplyAsync(new HouseholdMembersChanged(household.Id, household.RegionCode, _service.Clock.GetUtcNow().UtcDateTime,
            household.Members.Select(m => m.Facts).ToList()));
        await RunGuaranteesAsync(household, county, village);
        await RunEducationAsync(household, county, village);
        await RunHealthAsync(household, county, village);
        await RunHousingAsync(household, county, village);
        await RunWaterAsync(household, neighbour, county, village);

        // A consumer's inbox look-up, written as InboxConsumer writes it.
        var messageId = Guid.NewGuid();
        const string consumer = "Platform.Assistance.Households.HouseholdRegisteredConsumer";
        await _service.QueryAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer));

        // The outbox relay's pass (it runs in the background from the start, and on every commit).
        await Eventually(() => _service.Queries.Queries.Any(q => q.Sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal)));
        Assert.Contains(_service.Queries.Queries, q => q.Sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal));
    }

    private async Task RunGuaranteesAsync(TestHousehold household, CallOptions county, CallOptions village)
    {
        var guarantees = _service.Client<GuaranteeService.GuaranteeServiceClient>();
        await guarantees.DeclareFoodAndClothingAsync(new DeclareFoodAndClothingRequest { HouseholdId = household.Id.ToString(), Secure = true }, village);
        await guarantees.GetHouseholdGuaranteesAsync(new GetHouseholdGuaranteesRequest { HouseholdId = household.Id.ToString() }, county);
        var page = await guarantees.ListHouseholdGuaranteesAsync(new ListHouseholdGuaranteesRequest { RegionCode = TestRegions.County, Page = new PageRequest { PageSize = 1 } }, county);
        await guarantees.ListHouseholdGuaranteesAsync(new ListHouseholdGuaranteesRequest
        {
            RegionCode = TestRegions.County, Page = new PageRequest { PageSize = 1, PageToken = page.Page.NextPageToken },
        }, county);
        await guarantees.ListHouseholdGuaranteesAsync(new ListHouseholdGuaranteesRequest { RegionCode = TestRegions.Village, OnlyNotMet = true }, village);
        await guarantees.GetRegionCoverageAsync(new GetRegionCoverageRequest { RegionCode = TestRegions.County }, county);
        await guarantees.ListRegionCoverageAsync(new ListRegionCoverageRequest { RegionCode = TestRegions.County }, county);
        await guarantees.ListRegionCoverageAsync(new ListRegionCoverageRequest { RegionCode = TestRegions.Township, Page = new PageRequest { PageSize = 1 } }, county);
    }

    private async Task RunEducationAsync(TestHousehold household, CallOptions county, CallOptions village)
    {
        var education = _service.Client<EducationService.EducationServiceClient>();
        var enrolment = (await education.RecordEnrolmentAsync(EducationRequests.Enrol(household, household.Members[1]), village)).Enrolment;
        await education.ListEnrolmentsAsync(new ListEnrolmentsRequest { HouseholdId = household.Id.ToString() }, county);
        await education.GrantSubsidyAsync(new GrantSubsidyRequest { EnrolmentId = enrolment.EnrolmentId, Kind = SubsidyKind.LivingSubsidy, Amount = new Money { Fen = 50_000 }, Year = 2026 }, village);
        await education.ListSubsidiesAsync(new ListSubsidiesRequest { HouseholdId = household.Id.ToString() }, county);
        var cases = await education.ListDropoutCasesAsync(new ListDropoutCasesRequest { RegionCode = TestRegions.County, Page = new PageRequest { PageSize = 1 } }, county);
        await education.ListDropoutCasesAsync(new ListDropoutCasesRequest { RegionCode = TestRegions.Village, IncludeClosed = true }, village);
        var caseId = cases.Cases[0].CaseId;
        await education.GetDropoutCaseAsync(new GetDropoutCaseRequest { CaseId = caseId }, county);
        await education.RecordDropoutVisitAsync(new RecordDropoutVisitRequest { CaseId = caseId, VisitedOn = _service.Today.Proto(), Outcome = "family visited", NextStep = "talk to the school" }, village);
    }

    private async Task RunHealthAsync(TestHousehold household, CallOptions county, CallOptions village)
    {
        var health = _service.Client<HealthService.HealthServiceClient>();
        foreach (var member in household.Members)
        {
            await health.RecordInsuranceEnrolmentAsync(new RecordInsuranceEnrolmentRequest
            {
                HouseholdId = household.Id.ToString(), MemberId = member.Id.ToString(), Year = 2026,
                Premium = new Money { Fen = 38_000 }, Subsidised = new Money { Fen = 38_000 }, Status = EnrolmentStatus.Enrolled,
            }, village);
        }

        await health.ListInsuranceEnrolmentsAsync(new ListInsuranceEnrolmentsRequest { HouseholdId = household.Id.ToString(), Year = 2026 }, county);
        await health.ListFamilyDoctorContractsAsync(new ListFamilyDoctorContractsRequest { HouseholdId = household.Id.ToString() }, county);
        await health.ListIllnessesAsync(new ListIllnessesRequest { HouseholdId = household.Id.ToString() }, county);
        await health.ListMedicalExpensesAsync(new ListMedicalExpensesRequest { HouseholdId = household.Id.ToString(), Year = 2026 }, county);
    }

    private async Task RunHousingAsync(TestHousehold household, CallOptions county, CallOptions village)
    {
        var housing = _service.Client<HousingService.HousingServiceClient>();
        await housing.RecordAppraisalAsync(Appraisal(household, HouseGrade.D, _service.Today.AddDays(-10)), village);
        await housing.ListAppraisalsAsync(new ListAppraisalsRequest { HouseholdId = household.Id.ToString() }, county);
        var project = (await housing.StartRenovationAsync(Start(household, _service.Today), village)).Project;
        await housing.AdvanceRenovationAsync(Advance(project.Id, RenovationStatus.UnderConstruction), village);
        await housing.ListRenovationsAsync(new ListRenovationsRequest { HouseholdId = household.Id.ToString() }, county);
        await housing.ListDangerousHousesAsync(new ListDangerousHousesRequest { RegionCode = TestRegions.County }, county);
    }

    private async Task RunWaterAsync(TestHousehold household, TestHousehold neighbour, CallOptions county, CallOptions village)
    {
        var water = _service.Client<WaterService.WaterServiceClient>();
        await water.RecordWaterAssessmentAsync(Assessment(household.Id, _service.Today, convenience: false), county);
        await water.RecordWaterAssessmentAsync(Assessment(neighbour.Id, _service.Today), village);
        await water.ListWaterAssessmentsAsync(new ListWaterAssessmentsRequest { HouseholdId = household.Id.ToString() }, county);
        await water.ListUnsafeWaterHouseholdsAsync(new ListUnsafeWaterHouseholdsRequest { RegionCode = TestRegions.County }, county);
        var project = (await water.CreateWaterProjectAsync(Project(TestRegions.Village), county)).Project;
        await water.AddProjectHouseholdsAsync(new AddProjectHouseholdsRequest { ProjectId = project.ProjectId, HouseholdIds = { household.Id.ToString() } }, county);
        await water.AdvanceWaterProjectAsync(new AdvanceWaterProjectRequest { ProjectId = project.ProjectId, Status = WaterProjectStatus.UnderConstruction }, county);
        await water.AdvanceWaterProjectAsync(new AdvanceWaterProjectRequest { ProjectId = project.ProjectId, Status = WaterProjectStatus.Completed }, county);
        await water.ListWaterProjectsAsync(new ListWaterProjectsRequest { RegionCode = TestRegions.County }, county);
        await water.ListWaterProjectsAsync(new ListWaterProjectsRequest { RegionCode = TestRegions.Township, Status = WaterProjectStatus.Completed }, county);
        await water.ListReassessmentsDueAsync(new ListReassessmentsDueRequest { RegionCode = TestRegions.County }, county);
        await water.ListReassessmentsDueAsync(new ListReassessmentsDueRequest(), _service.As(PlatformRoles.VillageOfficer, TestRegions.Village));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}
