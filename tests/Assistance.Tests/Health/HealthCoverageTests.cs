using Pa.Assistance.V1;
using Pa.Common.V1;
using Platform.Security;

namespace Platform.Assistance.Tests.Health;

/// <summary>The health part of region coverage: members, members insured for the year, households flagged for out-of-pocket costs.</summary>
public sealed class HealthCoverageTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    [Fact]
    public async Task A_village_counts_its_current_members_the_insured_ones_for_the_year_and_the_flagged_households()
    {
        var health = service.Client<HealthService.HealthServiceClient>();
        var village = service.VillageOfficer(TestRegions.Village);
        var insured = await service.Household().Head().Child(age: 9).RegisterAsync();
        var flagged = await service.Household().Head().RegisterAsync();
        await service.Household(TestRegions.OtherVillage).Head().RegisterAsync();
        foreach (var member in insured.Members)
        {
            await health.RecordInsuranceEnrolmentAsync(new RecordInsuranceEnrolmentRequest
            {
                HouseholdId = insured.Id.ToString(), MemberId = member.Id.ToString(), Year = 2026,
                Premium = new Money { Fen = 38_000 }, Subsidised = new Money { Fen = 38_000 }, Status = EnrolmentStatus.Enrolled,
            }, village);
        }

        await health.RecordMedicalExpenseAsync(new RecordMedicalExpenseRequest
        {
            HouseholdId = flagged.Id.ToString(), MemberId = flagged.Head.Id.ToString(), Hospital = "County People's Hospital",
            AdmittedOn = new Date { Year = 2026, Month = 2, Day = 1 }, DischargedOn = new Date { Year = 2026, Month = 2, Day = 3 },
            TotalCost = new Money { Fen = 100_000 }, CompliantCost = new Money { Fen = 100_000 }, BasicInsurance = new Money { Fen = 50_000 },
        }, village);

        var guarantees = service.Client<GuaranteeService.GuaranteeServiceClient>();
        var now = (await guarantees.GetRegionCoverageAsync(new GetRegionCoverageRequest { RegionCode = TestRegions.Village }, service.CountyOfficer(TestRegions.County))).Coverage;
        var lastYear = (await guarantees.GetRegionCoverageAsync(new GetRegionCoverageRequest { RegionCode = TestRegions.Village, Year = 2025 }, service.As(PlatformRoles.Auditor, TestRegions.County))).Coverage;

        Assert.Equal((3, 2, 66.67, 1), (now.Members, now.MembersInsured, now.InsuranceEnrolmentRate, now.OutOfPocketFlaggedHouseholds));
        Assert.Equal((3, 0, 0), (lastYear.Members, lastYear.MembersInsured, lastYear.OutOfPocketFlaggedHouseholds));
    }
}
