using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pa.Common.V1;
using Pa.Relocation.V1;
using Platform.Relocation.Data;
using Platform.Relocation.Sites;
using Platform.Relocation.Tests.FollowUp;

namespace Platform.Relocation.Tests.Statistics;

/// <summary>One county with two sites (and a site next door); its own service, so the county holds only these.</summary>
public sealed class RegionStatisticsTests(RelocationFactory service) : IClassFixture<RelocationFactory>
{
    private const string SecondTownship = "341522200000";

    private StatisticsService.StatisticsServiceClient Client => service.Client<StatisticsService.StatisticsServiceClient>();

    [Fact]
    public async Task Site_figures_and_the_county_as_the_sum_of_its_sites()
    {
        var first = await service.SeedSiteAsync(TestRegions.Township);
        var second = await service.SeedSiteAsync(SecondTownship);
        var nextDoor = await service.SeedSiteAsync(TestRegions.OtherCountyTownship);
        await service.InScopeAsync(async services =>
        {
            // The second site has no leading industry.
            var db = services.GetRequiredService<RelocationDbContext>();
            await db.Set<SiteIndustry>().Where(i => i.SiteId == second.Id).ExecuteDeleteAsync();
        });

        // First site: one employed family (linked to the industry), one zero-employment family, one family planned.
        var employed = await service.Household().Head().Spouse().Child().RegisterAsync();
        await service.SeedPlanAsync(employed, first);
        await service.EmployAsync(employed, employed.Head.MemberId);
        var zero = await service.Household().Head().RegisterAsync();
        await service.SeedPlanAsync(zero, first);
        await service.SeedPlanAsync(await service.Household().Head().Child().RegisterAsync(), first, moveIn: false);
        await service.Client<FollowUpService.FollowUpServiceClient>().LinkIndustryAsync(
            new LinkIndustryRequest { HouseholdId = employed.Id.ToString(), IndustryId = first.Industries[0].Id.ToString() }, service.CountyOfficer(TestRegions.County));
        // Second site: one employed family and one without labour (an elderly head).
        var alsoEmployed = await service.Household().Head().RegisterAsync();
        await service.SeedPlanAsync(alsoEmployed, second);
        await service.EmployAsync(alsoEmployed, alsoEmployed.Head.MemberId);
        await service.SeedPlanAsync(await service.Household().Member("Head", service.Today.AddYears(-70), "None").RegisterAsync(), second);
        // Next door: a zero-employment family that must not count.
        await service.SeedPlanAsync(await service.Household(TestRegions.OtherCountyVillage).Head().RegisterAsync(), nextDoor);

        var county = service.CountyOfficer(TestRegions.County);
        var a = (await Client.GetSiteStatisticsAsync(new GetSiteStatisticsRequest { SiteId = first.Id.ToString() }, county)).Statistics;
        Assert.Equal(1, a.Figures.FamiliesPlanned);
        Assert.Equal(2, a.Figures.PeoplePlanned);
        Assert.Equal(2, a.Figures.FamiliesMovedIn);
        Assert.Equal(4, a.Figures.PeopleMovedIn);
        Assert.Equal(2, a.Figures.FamiliesSeekingWork);
        Assert.Equal(1, a.Figures.EmployedFamilies);
        Assert.Equal(5000, a.Figures.EmployedFamilyRateBasisPoints);
        Assert.Equal(1, a.Figures.ZeroEmploymentFamilies);
        Assert.Equal(1, a.Figures.OpenCases);
        Assert.Equal(1, a.Figures.OpenCasesUnassigned);
        Assert.Equal(1, a.Figures.HouseholdsLinkedToIndustry);
        Assert.Equal(1, Assert.Single(a.Industries).LinkedHouseholds);
        Assert.Empty(a.StandardsGaps);
        Assert.True(a.Services.School);

        var b = (await Client.GetSiteStatisticsAsync(new GetSiteStatisticsRequest { SiteId = second.Id.ToString() }, county)).Statistics;
        Assert.Equal(2, b.Figures.FamiliesMovedIn);
        Assert.Equal(1, b.Figures.FamiliesSeekingWork);
        Assert.Equal(10000, b.Figures.EmployedFamilyRateBasisPoints);
        Assert.Empty(b.Industries);
        Assert.Equal([SiteStandards.NoLeadingIndustry], b.StandardsGaps);

        var region = await Client.GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = TestRegions.County }, county);
        Assert.Equal(2, region.Sites);
        Assert.Equal(1, region.SitesWithoutLeadingIndustry);
        Assert.Equal(1, region.SitesWithStandardsGaps);
        Assert.Equal(new[] { first.Id, second.Id }.Order().Select(id => id.ToString()), region.SiteRows.Select(r => r.SiteId));
        var sum = region.Figures;
        Assert.Equal(a.Figures.FamiliesPlanned + b.Figures.FamiliesPlanned, sum.FamiliesPlanned);
        Assert.Equal(a.Figures.FamiliesMovedIn + b.Figures.FamiliesMovedIn, sum.FamiliesMovedIn);
        Assert.Equal(a.Figures.PeopleMovedIn + b.Figures.PeopleMovedIn, sum.PeopleMovedIn);
        Assert.Equal(a.Figures.FamiliesSeekingWork + b.Figures.FamiliesSeekingWork, sum.FamiliesSeekingWork);
        Assert.Equal(a.Figures.EmployedFamilies + b.Figures.EmployedFamilies, sum.EmployedFamilies);
        Assert.Equal(a.Figures.ZeroEmploymentFamilies + b.Figures.ZeroEmploymentFamilies, sum.ZeroEmploymentFamilies);
        Assert.Equal(a.Figures.OpenCases + b.Figures.OpenCases, sum.OpenCases);
        Assert.Equal(a.Figures.HouseholdsLinkedToIndustry + b.Figures.HouseholdsLinkedToIndustry, sum.HouseholdsLinkedToIndustry);
        // Two of three families with labour have someone employed: the rate of the counts, not the mean of 50% and 100%.
        Assert.Equal(6666, sum.EmployedFamilyRateBasisPoints);

        var township = await Client.GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = SecondTownship }, county);
        Assert.Equal(b.Figures, township.Figures);

        var paged = await Client.GetRegionStatisticsAsync(new GetRegionStatisticsRequest { Page = new PageRequest { PageSize = 1 } }, county);
        Assert.Equal(region.Figures, paged.Figures);
        Assert.Single(paged.SiteRows);
        Assert.Equal(2, paged.Page.TotalSize);
        var next = await Client.GetRegionStatisticsAsync(new GetRegionStatisticsRequest { Page = new PageRequest { PageSize = 1, PageToken = paged.Page.NextPageToken } }, county);
        Assert.Equal(region.SiteRows[1].SiteId, Assert.Single(next.SiteRows).SiteId);
        Assert.True(await service.QueryAsync(db => db.AuditRecords.AnyAsync(r => r.Action == "relocation.statistics.region.read" && r.EntityId == TestRegions.County)));
    }
}
