using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Pa.Assistance.V1;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Resources;
using Platform.Security;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Starts the AppHost as a user would (broker, the four services, SQLite in a data folder), adds
/// a probe resource that logs the events it sees on the broker, and follows one household from
/// application through registration, the assistance service's guarantee work, to exit.
/// </summary>
public sealed partial class ApplicationFlowsThroughTheSuiteTests : IAsyncLifetime
{
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(3);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"pa-e2e-{Guid.NewGuid():N}");
    private DistributedApplication? _app;

    /// <summary>Logs are kept per resource instance (e.g. "event-probe-abcd"), not per name.</summary>
    private string _probeId = "event-probe";

    private string _registryId = ResourceNames.HouseholdRegistry;

    private string _relocationId = ResourceNames.Relocation;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([$"DataDir={_dataDirectory}", $"Demo:Households={DemoHouseholds}"]);
        var broker = builder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == ResourceNames.Broker);
        // Notices close on the day they go up, so the whole cycle runs in one test.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.HouseholdRegistry))
            .WithEnvironment("Registry__Policy__Years__2000__NoticeDays", "0");
        builder.AddProject("event-probe", Path.Combine(builder.AppHostDirectory, "..", "tests", "EndToEnd.EventProbe", "EndToEnd.EventProbe.csproj"))
            .WithReference(builder.CreateResourceBuilder(broker))
            .WaitFor(builder.CreateResourceBuilder(broker));

        _app = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(Startup);
        await _app.StartAsync(startup.Token);
        var registry = await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.HouseholdRegistry, startup.Token);
        _registryId = registry.ResourceId;
        var assistance = await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Assistance, startup.Token);
        var employment = await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Employment, startup.Token);
        var relocation = await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Relocation, startup.Token);
        _relocationId = relocation.ResourceId;
        var probe = await _app.ResourceNotifications.WaitForResourceAsync("event-probe", e => e.Snapshot.State?.Text == KnownResourceStates.Running, startup.Token);
        _probeId = probe.ResourceId;

        // Events published before a consumer has bound its queue on this fresh broker would never reach it.
        await WaitForLogAsync(_probeId, "Bus started", TimeSpan.FromSeconds(60));
        await WaitForLogAsync(assistance.ResourceId, "Bus started", TimeSpan.FromSeconds(60));
        await WaitForLogAsync(employment.ResourceId, "Bus started", TimeSpan.FromSeconds(60));
        await WaitForLogAsync(relocation.ResourceId, "Bus started", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_household_goes_from_application_to_registration_to_exit_with_its_events_observed()
    {
        using var channel = GrpcChannel.ForAddress(_app!.GetEndpoint(ResourceNames.HouseholdRegistry, "http"));
        var households = new HouseholdService.HouseholdServiceClient(channel);
        var cases = new IdentificationService.IdentificationServiceClient(channel);
        var income = new IncomeService.IncomeServiceClient(channel);
        var village = Officer(PlatformRoles.VillageOfficer, Village);
        var county = Officer(PlatformRoles.CountyOfficer, Village[..6] + "000000");

        var applied = await RegisterAsync(Application());
        var householdId = applied.HouseholdId;
        Assert.Equal("341522********" + Application().Members[0].NationalId[14..], applied.Members[0].NationalId);

        // The assistance service built its replica from HouseholdRegistered: the 10-year-old who dropped out is a dropout-risk case.
        using var assistanceChannel = GrpcChannel.ForAddress(_app!.GetEndpoint(ResourceNames.Assistance, "http"));
        var child = applied.Members.Single(m => m.Relationship == Relationship.Child);
        var head = applied.Members.Single(m => m.Relationship == Relationship.Head);
        var education = new EducationService.EducationServiceClient(assistanceChannel);
        await WaitForLogAsync(_probeId, $"Observed GuaranteeStatusChanged {householdId}: food Unknown, education NotMet", TimeSpan.FromSeconds(60));
        await WaitUntilAsync(async () => (await education.ListDropoutCasesAsync(new ListDropoutCasesRequest { RegionCode = Village }, village))
            .Cases.Any(c => c.HouseholdId == householdId && c.MemberId == child.MemberId && c.Open), TimeSpan.FromSeconds(60));

        // The village and the departments' officers close every gap: the child back at school, a safe house, safe water, insurance, food.
        await education.RecordEnrolmentAsync(new RecordEnrolmentRequest
        {
            HouseholdId = householdId, MemberId = child.MemberId, Stage = SchoolStage.Primary, SchoolName = "七里棚小学", Grade = 4, SchoolYear = SchoolYear(DateTime.UtcNow),
        }, village);
        var today = DateTime.UtcNow.AddDays(-1);
        var onDay = new Date { Year = today.Year, Month = today.Month, Day = today.Day };
        await new HousingService.HousingServiceClient(assistanceChannel).RecordAppraisalAsync(new RecordAppraisalRequest
        {
            HouseholdId = householdId, Grade = HouseGrade.B, AppraisedOn = onDay, Appraiser = new Appraiser { Name = "住建局鉴定员", Organisation = "霍邱县住建局" },
        }, village);
        var meets = new WaterDimensionCheck { Meets = true };
        await new WaterService.WaterServiceClient(assistanceChannel).RecordWaterAssessmentAsync(new RecordWaterAssessmentRequest
        {
            HouseholdId = householdId, Quantity = meets, Quality = meets, Convenience = meets, Reliability = meets, AssessedOn = onDay, Assessor = "水利站",
        }, village);
        var health = new HealthService.HealthServiceClient(assistanceChannel);
        foreach (var member in new[] { head, child })
        {
            await health.RecordInsuranceEnrolmentAsync(new RecordInsuranceEnrolmentRequest
            {
                HouseholdId = householdId, MemberId = member.MemberId, Year = DateTime.UtcNow.Year, Premium = new Money { Fen = 38_000 }, Subsidised = new Money { Fen = 38_000 }, Status = EnrolmentStatus.Enrolled,
            }, village);
        }

        var declared = await new GuaranteeService.GuaranteeServiceClient(assistanceChannel).DeclareFoodAndClothingAsync(
            new DeclareFoodAndClothingRequest { HouseholdId = householdId, Secure = true }, village);
        Assert.True(declared.Guarantees.AllMet, declared.Guarantees.ToString());
        var closed = await education.ListDropoutCasesAsync(new ListDropoutCasesRequest { RegionCode = Village, IncludeClosed = true }, village);
        Assert.False(closed.Cases.Single(c => c.HouseholdId == householdId).Open);

        // GuaranteeStatusChanged reaches the registry through the broker: every guarantee met.
        await WaitUntilAsync(async () => (await households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = householdId }, county)).Household.Guarantees is { } g
            && new[] { g.FoodAndClothing, g.Education, g.Medical, g.Housing, g.Water }.All(state => state == Pa.Registry.V1.GuaranteeState.Met), TimeSpan.FromSeconds(60));

        // Income above the line, pre-exit marking (预脱贫标注), then the exit case to its announcement.
        var year = DateTime.UtcNow.Year;
        await income.RecordIncomeSurveyAsync(new RecordIncomeSurveyRequest { HouseholdId = householdId, Year = year, Wages = new Money { Fen = 2_400_000 } }, village);
        var marking = await income.RunPreExitMarkingAsync(new RunPreExitMarkingRequest { RegionCode = Village, Year = year }, county);
        Assert.True(marking.Marked >= 1);
        var exit = (await cases.OpenExitCaseAsync(new OpenExitCaseRequest { HouseholdId = householdId }, village)).Case;
        exit = (await cases.ReviewInVillageAsync(new ReviewInVillageRequest { CaseId = exit.CaseId, Minutes = "村民代表大会: 同意退出" }, village)).Case;
        exit = await CloseNoticeAsync(cases, exit, village);
        exit = (await cases.ApproveInCountyAsync(new ApproveInCountyRequest { CaseId = exit.CaseId }, county)).Case;
        exit = await CloseNoticeAsync(cases, exit, village);

        Assert.Equal(CaseOutcome.Exited, exit.Outcome);
        var exited = (await households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = householdId }, county)).Household;
        Assert.Equal(HouseholdStatus.Exited, exited.Status);
        Assert.Equal(DateTime.UtcNow.Year + 5, exited.SupportUntil.Year);
        await WaitForLogAsync(_probeId, $"Observed HouseholdExited {householdId}", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task The_dashboard_command_seeds_the_demo_county_and_reports_progress_in_the_registry_log()
    {
        var commands = _app!.Services.GetRequiredService<ResourceCommandService>();

        var result = await commands.ExecuteCommandAsync(_registryId, "seed-demo-county");

        Assert.True(result.Success, result.Message);
        await WaitForLogAsync(_registryId, $"Demo county: done {DemoHouseholds}/{DemoHouseholds}", TimeSpan.FromSeconds(30));
        using var channel = GrpcChannel.ForAddress(_app.GetEndpoint(ResourceNames.HouseholdRegistry, "http"));
        var listed = await new HouseholdService.HouseholdServiceClient(channel).ListHouseholdsAsync(
            new ListHouseholdsRequest { RegionCode = "341599000000", Page = new PageRequest { PageSize = 1 } }, Officer(PlatformRoles.CountyOfficer, "341599000000"));
        Assert.Equal(DemoHouseholds, listed.Page.TotalSize);
    }

    /// <summary>A small demo county: the command's behaviour, not its volume, is under test here.</summary>
    private const int DemoHouseholds = 300;

    private const string Village = "341522100201";

    /// <summary>An officer's call options, reused across a long flow: the deadline is generous, and the services cap it at 30 s per call.</summary>
    private CallOptions Officer(string role, string region)
    {
        var secrets = DevSecrets.LoadOrCreate(_dataDirectory);
        var token = new DevTokenIssuer(new JwtOptions { SigningKey = secrets.SigningKey }).Issue(role, region, $"e2e-{role}");
        return new CallOptions(new Metadata { { "authorization", $"Bearer {token}" }, { "x-access-purpose", "end-to-end test" } }, DateTime.UtcNow.AddMinutes(5));
    }

    /// <summary>
    /// 户申请 → 组评议 → 村审查 → 公示 → 乡审核 → 县审定 → 公告 (notices last zero days in this run), with the
    /// application and the registration observed through the broker by the probe resource.
    /// </summary>
    private async Task<Household> RegisterAsync(CreateHouseholdApplicationRequest application)
    {
        using var channel = GrpcChannel.ForAddress(_app!.GetEndpoint(ResourceNames.HouseholdRegistry, "http"));
        var cases = new IdentificationService.IdentificationServiceClient(channel);
        var village = Officer(PlatformRoles.VillageOfficer, application.RegionCode);
        var county = Officer(PlatformRoles.CountyOfficer, application.RegionCode[..6] + "000000");
        var applied = (await new HouseholdService.HouseholdServiceClient(channel).CreateHouseholdApplicationAsync(application, village)).Household;
        await WaitForLogAsync(_probeId, $"Observed HouseholdApplied {applied.HouseholdId}", TimeSpan.FromSeconds(60));

        var history = await cases.GetCaseHistoryAsync(new GetCaseHistoryRequest { HouseholdId = applied.HouseholdId }, county);
        var caseId = history.Cases.Single().CaseId;
        await cases.AppraiseInGroupAsync(new AppraiseInGroupRequest
        {
            CaseId = caseId, Decision = StepDecision.Approve, Votes = new AppraisalVotes { InFavour = 18, Against = 1 }, Minutes = "组评议记录",
        }, village);
        var identification = (await cases.ReviewInVillageAsync(new ReviewInVillageRequest { CaseId = caseId, Minutes = "村民代表大会" }, village)).Case;
        identification = await CloseNoticeAsync(cases, identification, village);
        await cases.CheckInTownshipAsync(new CheckInTownshipRequest { CaseId = caseId }, Officer(PlatformRoles.TownshipOfficer, application.RegionCode[..9] + "000"));
        identification = (await cases.ApproveInCountyAsync(new ApproveInCountyRequest { CaseId = caseId }, county)).Case;
        identification = await CloseNoticeAsync(cases, identification, village);
        Assert.Equal(CaseOutcome.Registered, identification.Outcome);
        await WaitForLogAsync(_probeId, $"Observed HouseholdRegistered {applied.HouseholdId}", TimeSpan.FromSeconds(60));
        return applied;
    }

    /// <summary>The school year a day falls in: a year starts in September.</summary>
    private static int SchoolYear(DateTime day) => day.Month >= 9 ? day.Year : day.Year - 1;

    private static async Task<Case> CloseNoticeAsync(IdentificationService.IdentificationServiceClient cases, Case @case, CallOptions village)
    {
        var notice = @case.Notices.Single(n => n.Status == NoticeStatus.Open);
        return (await cases.CloseNoticeAsync(new CloseNoticeRequest { NoticeId = notice.NoticeId }, village)).Case;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"The condition did not hold within {timeout.TotalSeconds:0} s.");
            await Task.Delay(500);
        }
    }

    /// <summary>Waits for a resource to log a line containing <paramref name="text"/>; fails with what it did log.</summary>
    private async Task WaitForLogAsync(string resource, string text, TimeSpan timeout)
    {
        var seen = new List<string>();
        using var watch = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var batch in _app!.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(resource).WithCancellation(watch.Token))
            {
                seen.AddRange(batch.Select(line => line.Content ?? ""));
                if (seen.Any(line => line.Contains(text, StringComparison.Ordinal)))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below with the lines the resource did write.
        }

        Assert.Fail($"{resource} did not log '{text}' within {timeout.TotalSeconds:0} s. It logged:\n{string.Join('\n', seen.TakeLast(40))}");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The broker may still be releasing files; the temp folder goes with the machine.
        }
    }

    private static CreateHouseholdApplicationRequest Application()
    {
        const string first17 = "34152219620314021";
        var request = new CreateHouseholdApplicationRequest { RegionCode = "341522100201", PrimaryCause = PovertyCause.Disability };
        request.Members.Add(new MemberInput
        {
            Name = "端到端户主",
            NationalId = first17 + NationalId.CheckCharacterFor(first17),
            Relationship = Relationship.Head,
            Sex = Sex.Male,
            BirthDate = new Date { Year = 1962, Month = 3, Day = 14 },
            Health = HealthStatus.Disability,
            DisabilityGrade = 2,
            LabourCapacity = LabourCapacity.Weak,
        });
        var birth = DateTime.UtcNow.AddYears(-10).AddDays(-40);
        var child17 = $"341522{birth:yyyyMMdd}042";
        request.Members.Add(new MemberInput
        {
            Name = "端到端孩子",
            NationalId = child17 + NationalId.CheckCharacterFor(child17),
            Relationship = Relationship.Child,
            Sex = Sex.Female,
            BirthDate = new Date { Year = birth.Year, Month = birth.Month, Day = birth.Day },
            Health = HealthStatus.Healthy,
            LabourCapacity = LabourCapacity.None,
            Schooling = SchoolingStatus.DroppedOut,
        });
        return request;
    }
}
