using Grpc.Core;
using Pa.Assistance.V1;
using static Platform.Assistance.Tests.Housing.HousingRequests;

namespace Platform.Assistance.Tests.Housing;

/// <summary>What a county works down: the households still living with a dangerous house, and the coverage figures.</summary>
public sealed class DangerousHousesTests(AssistanceFactory service) : IClassFixture<AssistanceFactory>
{
    private const string ListVillage = "341522100231";
    private const string CoverageVillage = "341522100232";

    private HousingService.HousingServiceClient Housing => service.Client<HousingService.HousingServiceClient>();

    private GuaranteeService.GuaranteeServiceClient Guarantees => service.Client<GuaranteeService.GuaranteeServiceClient>();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    [Fact]
    public async Task Lists_only_households_with_a_C_or_D_house_not_yet_renovated_in_pages()
    {
        var dangerous = new List<TestHousehold>();
        foreach (var grade in new[] { HouseGrade.C, HouseGrade.D, HouseGrade.D })
        {
            var household = await service.Household(ListVillage).Head().RegisterAsync();
            await Housing.RecordAppraisalAsync(Appraisal(household, grade, service.Today.AddDays(-30)), County);
            dangerous.Add(household);
        }

        var safe = await service.Household(ListVillage).Head().RegisterAsync();
        await Housing.RecordAppraisalAsync(Appraisal(safe, HouseGrade.A, service.Today), County);
        await service.Household(ListVillage).Head().RegisterAsync();
        var renovated = await RenovatedAsync(ListVillage);
        var underWay = dangerous[1];
        var project = (await Housing.StartRenovationAsync(Start(underWay, service.Today.AddDays(-20)), County)).Project;

        var request = new ListDangerousHousesRequest { RegionCode = ListVillage, Page = new Pa.Common.V1.PageRequest { PageSize = 2 } };
        var first = await Housing.ListDangerousHousesAsync(request, County);
        request.Page.PageToken = first.Page.NextPageToken;
        var second = await Housing.ListDangerousHousesAsync(request, County);

        Assert.Equal(3, first.Page.TotalSize);
        Assert.NotEmpty(first.Page.NextPageToken);
        Assert.Empty(second.Page.NextPageToken);
        var houses = first.Houses.Concat(second.Houses).ToList();
        Assert.Equal(dangerous.Select(h => h.Id.ToString()).Order(), houses.Select(h => h.HouseholdId));
        Assert.DoesNotContain(houses, h => h.HouseholdId == renovated.Id.ToString() || h.HouseholdId == safe.Id.ToString());
        var shown = houses.Single(h => h.HouseholdId == underWay.Id.ToString());
        Assert.Equal((HouseGrade.D, project.Id, RenovationStatus.Planned), (shown.Grade, shown.RenovationId, shown.RenovationStatus));
        Assert.Contains("rebuild planned", shown.Reason);
        Assert.Equal(RenovationStatus.Unspecified, houses.Single(h => h.HouseholdId == dangerous[0].Id.ToString()).RenovationStatus);
    }

    [Fact]
    public async Task Another_county_may_not_list_and_a_bad_token_is_invalid()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, Housing.ListDangerousHousesAsync(new ListDangerousHousesRequest { RegionCode = TestRegions.Village }, service.CountyOfficer(TestRegions.OtherCounty)));
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Housing.ListDangerousHousesAsync(
            new ListDangerousHousesRequest { Page = new Pa.Common.V1.PageRequest { PageToken = Platform.ServiceDefaults.Paging.Token(Platform.ServiceDefaults.Paging.ListOf(Pa.Assistance.V1.HousingService.Descriptor.FindMethodByName("ListDangerousHouses")), "not-a-household") } }, County));
        Assert.Equal("page.page_token", RpcAssert.InvalidField(error));
    }

    [Fact]
    public async Task Coverage_counts_houses_appraised_and_dangerous_houses_remaining()
    {
        foreach (var grade in new[] { HouseGrade.A, HouseGrade.C, HouseGrade.D })
        {
            var household = await service.Household(CoverageVillage).Head().RegisterAsync();
            await Housing.RecordAppraisalAsync(Appraisal(household, grade, service.Today.AddDays(-30)), County);
            await Housing.RecordAppraisalAsync(Appraisal(household, grade, service.Today.AddDays(-20)), County);
        }

        await service.Household(CoverageVillage).Head().RegisterAsync();
        await RenovatedAsync(CoverageVillage);

        var coverage = (await Guarantees.GetRegionCoverageAsync(new GetRegionCoverageRequest { RegionCode = CoverageVillage }, County)).Coverage;

        Assert.Equal(5, coverage.Households);
        Assert.Equal(4, coverage.HousesAppraised);
        Assert.Equal(2, coverage.DangerousHousesRemaining);
    }

    private async Task<TestHousehold> RenovatedAsync(string village)
    {
        var household = await service.Household(village).Head().RegisterAsync();
        await Housing.RecordAppraisalAsync(Appraisal(household, HouseGrade.D, service.Today.AddDays(-90)), County);
        var id = (await Housing.StartRenovationAsync(Start(household, service.Today.AddDays(-80)), County)).Project.Id;
        await Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.UnderConstruction), County);
        await Housing.AdvanceRenovationAsync(Advance(id, RenovationStatus.Completed), County);
        await Housing.RecordAcceptanceAsync(Acceptance(id, service.Today, passed: true), County);
        return household;
    }
}
