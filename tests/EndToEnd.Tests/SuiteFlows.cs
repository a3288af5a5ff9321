using Pa.Assistance.V1;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Resources;
using Platform.Security;

namespace Platform.EndToEnd.Tests;

/// <summary>Flows through the whole suite that hold whatever shape the AppHost runs in (providers, replicas).</summary>
public static class SuiteFlows
{
    public const string Village = "341522100201";

    /// <summary>
    /// One household with a 10-year-old who dropped out goes from application through every
    /// identification step to registration; the assistance service opens a dropout-risk case, the
    /// gaps are closed, every guarantee reaches the registry as met, and the household exits.
    /// </summary>
    public static async Task ApplicationToRegistrationToExitAsync(Suite suite)
    {
        using var channel = suite.Channel(ResourceNames.HouseholdRegistry);
        var households = new HouseholdService.HouseholdServiceClient(channel);
        var cases = new IdentificationService.IdentificationServiceClient(channel);
        var income = new IncomeService.IncomeServiceClient(channel);
        var village = suite.Officer(PlatformRoles.VillageOfficer, Village);
        var county = suite.Officer(PlatformRoles.CountyOfficer, Village[..6] + "000000");

        var applied = await suite.RegisterAsync(Application());
        var householdId = applied.HouseholdId;
        Assert.Equal("341522********" + Application().Members[0].NationalId[14..], applied.Members[0].NationalId);

        // The assistance service built its replica from HouseholdRegistered: the 10-year-old who dropped out is a dropout-risk case.
        using var assistanceChannel = suite.Channel(ResourceNames.Assistance);
        var child = applied.Members.Single(m => m.Relationship == Relationship.Child);
        var head = applied.Members.Single(m => m.Relationship == Relationship.Head);
        var education = new EducationService.EducationServiceClient(assistanceChannel);
        await suite.WaitForLogAsync(suite.ProbeId, $"Observed GuaranteeStatusChanged {householdId}: food Unknown, education NotMet", TimeSpan.FromSeconds(60));
        await Suite.WaitUntilAsync(async () => (await education.ListDropoutCasesAsync(new ListDropoutCasesRequest { RegionCode = Village }, village))
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
        Household? held = null;
        await Suite.WaitUntilAsync(async () => (held = (await households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = householdId }, county)).Household).Guarantees is { } g
            && new[] { g.FoodAndClothing, g.Education, g.Medical, g.Housing, g.Water }.All(state => state == Pa.Registry.V1.GuaranteeState.Met), TimeSpan.FromSeconds(60),
            () => $"The registry holds {held?.Guarantees}.");

        // Income above the line, pre-exit marking (预脱贫标注), then the exit case to its announcement.
        var year = DateTime.UtcNow.Year;
        await income.RecordIncomeSurveyAsync(new RecordIncomeSurveyRequest { HouseholdId = householdId, Year = year, Wages = new Money { Fen = 2_400_000 } }, village);
        var marking = await income.RunPreExitMarkingAsync(new RunPreExitMarkingRequest { RegionCode = Village, Year = year }, county);
        Assert.True(marking.Marked >= 1);
        var exit = (await cases.OpenExitCaseAsync(new OpenExitCaseRequest { HouseholdId = householdId }, village)).Case;
        exit = (await cases.ReviewInVillageAsync(new ReviewInVillageRequest { CaseId = exit.CaseId, Minutes = "村民代表大会: 同意退出" }, village)).Case;
        exit = await Suite.CloseNoticeAsync(cases, exit, village);
        exit = (await cases.ApproveInCountyAsync(new ApproveInCountyRequest { CaseId = exit.CaseId }, county)).Case;
        exit = await Suite.CloseNoticeAsync(cases, exit, village);

        Assert.Equal(CaseOutcome.Exited, exit.Outcome);
        var exited = (await households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = householdId }, county)).Household;
        Assert.Equal(HouseholdStatus.Exited, exited.Status);
        Assert.Equal(DateTime.UtcNow.Year + 5, exited.SupportUntil.Year);
        await suite.WaitForLogAsync(suite.ProbeId, $"Observed HouseholdExited {householdId}", TimeSpan.FromSeconds(60));
    }

    /// <summary>The school year a day falls in: a year starts in September.</summary>
    private static int SchoolYear(DateTime day) => day.Month >= 9 ? day.Year : day.Year - 1;

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
