using Pa.Common.V1;
using Pa.Employment.V1;
using Pa.Registry.V1;
using Platform.Resources;
using Platform.Security;

namespace Platform.EndToEnd.Tests;

public sealed partial class ApplicationFlowsThroughTheSuiteTests
{
    private const string EmploymentVillage = "341522100202";

    [Fact]
    public async Task A_labourer_paid_on_a_public_welfare_post_and_a_retried_dividend_run_reach_the_registry_income_once()
    {
        var applied = await _suite.RegisterAsync(LabourerApplication());
        var householdId = applied.HouseholdId;
        var head = applied.Members.Single(m => m.Relationship == Relationship.Head);
        var village = _suite.Officer(PlatformRoles.VillageOfficer, EmploymentVillage);
        var county = _suite.Officer(PlatformRoles.CountyOfficer, EmploymentVillage[..6] + "000000");
        using var employment = _suite.Channel(ResourceNames.Employment);
        using var registry = _suite.Channel(ResourceNames.HouseholdRegistry);
        var income = new IncomeService.IncomeServiceClient(registry);

        // The employment service learned of the labourer from HouseholdRegistered; the village gives them a post.
        var welfare = new WelfareEmploymentService.WelfareEmploymentServiceClient(employment);
        var post = (await welfare.CreatePostAsync(new CreatePostRequest
        {
            VillageCode = EmploymentVillage, Title = "道路保洁员", PayBasis = PostPayBasis.PerDay, Rate = new Money { Fen = 5_000 },
        }, village)).Post;
        var lastMonth = DateTime.UtcNow.AddMonths(-1);
        PostAssignment? assignment = null;
        await Suite.WaitUntilAsync(async () =>
        {
            try
            {
                assignment = (await welfare.AssignPostAsync(new AssignPostRequest
                {
                    PostId = post.PostId, LabourerId = head.MemberId, StartedOn = new Date { Year = lastMonth.Year, Month = lastMonth.Month, Day = 1 },
                }, village)).Assignment;
                return true;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
            {
                return false; // HouseholdRegistered has not reached the employment service yet.
            }
        }, TimeSpan.FromSeconds(60));

        await welfare.RecordAttendanceAsync(new RecordAttendanceRequest
        {
            AssignmentId = assignment!.AssignmentId, WorkedOn = new Date { Year = lastMonth.Year, Month = lastMonth.Month, Day = 10 }, Quantity = 12,
        }, village);
        var payroll = await welfare.RunPostPayrollAsync(new RunPostPayrollRequest { VillageCode = EmploymentVillage, Year = lastMonth.Year, Month = lastMonth.Month }, village);
        Assert.Equal(60_000, payroll.Total.Fen);

        // WagesPaid reaches the registry's household income.
        await Suite.WaitUntilAsync(async () => Component(await income.GetIncomeAsync(new GetIncomeRequest { HouseholdId = householdId }, county), lastMonth.Year, "wages") == 60_000,
            TimeSpan.FromSeconds(60));

        // A completed project with the household's quantified shares pays a dividend; the run is retried and pays once.
        var projects = new ProjectLibraryService.ProjectLibraryServiceClient(employment);
        var project = (await projects.ProposeProjectAsync(new ProposeProjectRequest
        {
            VillageCode = EmploymentVillage, Name = "光伏电站", Type = ProjectType.Photovoltaic,
            Funding = { new FundingShare { Source = FundingSource.IntegratedAgriculturalFunds, Amount = new Money { Fen = 50_000_000 } } },
        }, village)).Project;
        var today = DateTime.UtcNow;
        var onDay = new Date { Year = today.Year, Month = today.Month, Day = today.Day };
        await projects.ApproveProjectAsync(new ApproveProjectRequest { ProjectId = project.ProjectId, ApprovedBudget = new Money { Fen = 50_000_000 } }, county);
        await projects.StartImplementationAsync(new StartImplementationRequest { ProjectId = project.ProjectId }, county);
        await projects.RecordProgressAsync(new RecordProgressRequest { ProjectId = project.ProjectId, Percent = 100, VerifiedBy = "县财政局", VerifiedOn = onDay }, county);
        await projects.RecordCompletionAcceptanceAsync(new RecordCompletionAcceptanceRequest { ProjectId = project.ProjectId, Passed = true, Inspector = "县验收组", InspectedOn = onDay }, county);
        var assets = new AssetIncomeService.AssetIncomeServiceClient(employment);
        await assets.SetSharesAsync(new SetSharesRequest { ProjectId = project.ProjectId, Holdings = { new HouseholdShares { HouseholdId = householdId, Shares = 10 } } }, county);
        var run = new RunDividendRequest { ProjectId = project.ProjectId, RunKey = $"{today.Year}-annual", Year = today.Year, Amount = new Money { Fen = 120_000 } };
        Assert.False((await assets.RunDividendAsync(run, county)).Replayed);
        Assert.True((await assets.RunDividendAsync(run, county)).Replayed);

        await Suite.WaitUntilAsync(async () => Component(await income.GetIncomeAsync(new GetIncomeRequest { HouseholdId = householdId }, county), today.Year, "property") == 120_000,
            TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(120_000, Component(await income.GetIncomeAsync(new GetIncomeRequest { HouseholdId = householdId }, county), today.Year, "property"));
    }

    private static long Component(GetIncomeResponse income, int year, string category) =>
        income.Years.Where(y => y.Year == year).SelectMany(y => y.Components).Where(c => c.Category == category).Sum(c => c.Amount.Fen);

    private static CreateHouseholdApplicationRequest LabourerApplication()
    {
        const string first17 = "34152219800517031";
        var request = new CreateHouseholdApplicationRequest { RegionCode = EmploymentVillage, PrimaryCause = PovertyCause.LackOfLabour };
        request.Members.Add(new MemberInput
        {
            Name = "端到端劳动力",
            NationalId = first17 + NationalId.CheckCharacterFor(first17),
            Relationship = Relationship.Head,
            Sex = Sex.Male,
            BirthDate = new Date { Year = 1980, Month = 5, Day = 17 },
            Health = HealthStatus.Healthy,
            LabourCapacity = LabourCapacity.Normal,
        });
        return request;
    }
}
