using System.Net;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Pa.Common.V1;
using Pa.Employment.V1;
using Pa.Registry.V1;
using Platform.Resources;
using Platform.Security;
using R = Pa.Relocation.V1;

namespace Platform.EndToEnd.Tests;

public sealed partial class ApplicationFlowsThroughTheSuiteTests
{
    private const string RelocationVillage = "341522100201";
    private const string ResettlementTownship = "341522100000";

    [Fact]
    public async Task A_relocated_family_without_work_gets_a_follow_up_case_that_closes_when_the_employment_service_records_a_job()
    {
        var applied = await _suite.RegisterAsync(RelocationApplication());
        var householdId = applied.HouseholdId;
        var head = applied.Members.Single(m => m.Relationship == Relationship.Head);
        var county = _suite.Officer(PlatformRoles.CountyOfficer, RelocationVillage[..6] + "000000");
        using var relocation = _suite.Channel(ResourceNames.Relocation);
        var plans = new R.RelocationService.RelocationServiceClient(relocation);
        var followUp = new R.FollowUpService.FollowUpServiceClient(relocation);

        // HouseholdRegistered with the relocation pathway made the household a candidate in the relocation service.
        await Suite.WaitUntilAsync(async () => (await plans.ListAwaitingPlanAsync(new R.ListAwaitingPlanRequest { RegionCode = RelocationVillage }, county))
            .Households.Any(h => h.HouseholdId == householdId), TimeSpan.FromSeconds(60));

        // The county sets up a site in town and plans the family into a unit of 60 m² (25 m² per person for three).
        var sites = new R.SiteService.SiteServiceClient(relocation);
        var site = (await sites.CreateSiteAsync(new R.CreateSiteRequest
        {
            Name = "城东安置小区", RegionCode = ResettlementTownship, Type = R.SiteType.CentralisedTown, CapacityHouseholds = 200, CapacityPeople = 800,
            PublicServices = new R.PublicServices { School = true, Clinic = true, CommunityServiceCentre = true, EmploymentServiceStation = true },
            CaseOfficer = new R.CaseOfficer { Subject = "officer-follow-up", Name = "后续扶持专干" },
        }, county)).Site;
        site = (await sites.AddHousingUnitsAsync(new R.AddHousingUnitsRequest { SiteId = site.SiteId, Units = { new R.NewHousingUnit { Number = "3-1-201", AreaSqmHundredths = 6_000 } } }, county)).Site;
        await sites.AddLeadingIndustryAsync(new R.AddLeadingIndustryRequest { SiteId = site.SiteId, Name = "扶贫车间: 服装加工" }, county);
        var today = DateTime.UtcNow.Date;
        var onDay = new Date { Year = today.Year, Month = today.Month, Day = today.Day };
        await plans.PlanRelocationAsync(new R.PlanRelocationRequest
        {
            HouseholdId = householdId, Reason = R.RelocationReason.UnlivableConditions, SiteId = site.SiteId, UnitId = site.Units.Single().UnitId,
            Subsidy = new Money { Fen = 6_000_000 }, PlannedMoveOn = onDay,
        }, county);

        // Moving in with two labourers and no job makes a zero-employment family: a case opens by itself, assigned to the site's officer.
        await plans.RecordMoveInAsync(new R.RecordMoveInRequest { HouseholdId = householdId, MovedInOn = onDay }, county);
        var family = (await followUp.GetFamilyFollowUpAsync(new R.GetFamilyFollowUpRequest { HouseholdId = householdId }, county)).Family;
        Assert.True(family.ZeroEmployment);
        Assert.Equal(2, family.MembersSeekingWork);
        Assert.Equal("officer-follow-up", family.OpenCase.AssignedTo);

        // The same read on the relocation service's json endpoint (HTTP/1.1 and JSON), as a department system without gRPC makes it.
        using var http = new HttpClient { BaseAddress = _suite.App.GetEndpoint(ResourceNames.Relocation, "json"), DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var overHttp = new HttpRequestMessage(HttpMethod.Get, $"v1/relocation/households/{householdId}/follow-up");
        overHttp.Headers.TryAddWithoutValidation("Authorization", county.Headers!.GetValue("authorization"));
        using var reply = await http.SendAsync(overHttp);
        Assert.Equal((HttpStatusCode.OK, HttpVersion.Version11), (reply.StatusCode, reply.Version));
        Assert.Equal(family, R.GetFamilyFollowUpResponse.Parser.ParseJson(await reply.Content.ReadAsStringAsync()).Family);
        await _suite.WaitForLogAsync(_suite.ProbeId, $"Observed ZeroEmploymentCaseOpened {householdId} with 2 members seeking work", TimeSpan.FromSeconds(60));

        // The employment service hears of the case and lists the family's labourers first for referral.
        using var employment = _suite.Channel(ResourceNames.Employment);
        var labour = new LabourService.LabourServiceClient(employment);
        await Suite.WaitUntilAsync(async () => (await labour.ListLabourersAsync(new ListLabourersRequest { RegionCode = RelocationVillage, Filter = LabourerFilter.ZeroEmploymentFamilies }, county))
            .Labourers.Any(l => l.MemberId == head.MemberId), TimeSpan.FromSeconds(60));

        // The head takes a job at the site's workshop; EmploymentStarted reaches the relocation service and the case closes by itself.
        await labour.StartEmploymentAsync(new StartEmploymentRequest
        {
            HouseholdId = householdId, MemberId = head.MemberId, Type = EmploymentType.Workshop, Employer = "城东扶贫车间", StartedOn = onDay, MonthlyIncome = new Money { Fen = 260_000 },
        }, county);
        await _suite.WaitForLogAsync(_suite.ProbeId, $"Observed ZeroEmploymentCaseClosed {householdId}: Employed", TimeSpan.FromSeconds(60));
        family = (await followUp.GetFamilyFollowUpAsync(new R.GetFamilyFollowUpRequest { HouseholdId = householdId }, county)).Family;
        Assert.False(family.ZeroEmployment);
        Assert.Equal(1, family.MembersEmployed);
        Assert.Null(family.OpenCase);
        Assert.Equal(R.CaseOutcome.Employed, Assert.Single(family.PastCases).Outcome);
        await Suite.WaitUntilAsync(async () => (await labour.ListLabourersAsync(new ListLabourersRequest { RegionCode = RelocationVillage, Filter = LabourerFilter.ZeroEmploymentFamilies }, county))
            .Labourers.All(l => l.HouseholdId != householdId), TimeSpan.FromSeconds(60));

        // The operator's dashboard command re-assesses every moved-in family; this one stays employed.
        var reassessed = await _suite.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(_suite.InstanceIds(ResourceNames.Relocation)[0], "reassess-follow-up");
        Assert.True(reassessed.Success, reassessed.Message);
        Assert.False((await followUp.GetFamilyFollowUpAsync(new R.GetFamilyFollowUpRequest { HouseholdId = householdId }, county)).Family.ZeroEmployment);
    }

    private static CreateHouseholdApplicationRequest RelocationApplication()
    {
        var request = new CreateHouseholdApplicationRequest
        {
            RegionCode = RelocationVillage, PrimaryCause = PovertyCause.LackOfSkills, Pathway = AssistancePathway.Relocation,
        };
        request.Members.Add(Member("搬迁户主", "34152219780902051", Relationship.Head, Sex.Male, new Date { Year = 1978, Month = 9, Day = 2 }, LabourCapacity.Normal));
        request.Members.Add(Member("搬迁配偶", "34152219800611062", Relationship.Spouse, Sex.Female, new Date { Year = 1980, Month = 6, Day = 11 }, LabourCapacity.Normal));
        var birth = DateTime.UtcNow.AddYears(-8);
        request.Members.Add(Member("搬迁孩子", $"341522{birth:yyyyMMdd}072", Relationship.Child, Sex.Female, new Date { Year = birth.Year, Month = birth.Month, Day = birth.Day }, LabourCapacity.None));
        return request;
    }

    private static MemberInput Member(string name, string first17, Relationship relationship, Sex sex, Date birthDate, LabourCapacity labour) => new()
    {
        Name = name,
        NationalId = first17 + NationalId.CheckCharacterFor(first17),
        Relationship = relationship,
        Sex = sex,
        BirthDate = birthDate,
        Health = HealthStatus.Healthy,
        LabourCapacity = labour,
        Schooling = relationship == Relationship.Child ? SchoolingStatus.InSchool : SchoolingStatus.Unspecified,
    };
}
