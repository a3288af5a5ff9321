using Platform.Employment.Contracts;
using static Platform.Employment.Tests.Labour.LabourRequests;

namespace Platform.Employment.Tests.Labour;

/// <summary>A recorded job wish is announced, so relocation follow-up learns the member wishes to work.</summary>
public sealed class JobWishEventTests(EmploymentFactory service) : IClassFixture<EmploymentFactory>
{
    [Fact]
    public async Task Recording_a_job_wish_puts_JobWishRecorded_in_the_outbox_with_the_household_member_region_and_work()
    {
        var household = await service.Household().Head().Spouse("Weak").RegisterAsync();
        var spouse = household.Members[1];
        var request = Wish(household, spouse);
        request.PreferredWork = "  Garment sewing ";

        await service.Client<Pa.Employment.V1.LabourService.LabourServiceClient>().RecordJobWishAsync(request, service.VillageOfficer(TestRegions.Village));

        var recorded = Assert.Single(await service.OutboxEventsAsync<JobWishRecorded>(household.Id));
        Assert.Equal((household.Id, spouse.Id, TestRegions.Village, "Garment sewing"), (recorded.HouseholdId, recorded.MemberId, recorded.RegionCode, recorded.PreferredWork));
        Assert.Equal(service.Clock.GetUtcNow().UtcDateTime, recorded.RecordedAt);
    }
}
