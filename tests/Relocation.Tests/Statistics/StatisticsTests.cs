using Grpc.Core;
using Pa.Relocation.V1;
using Platform.Assistance.Contracts;
using Platform.HouseholdRegistry.Contracts;
using Platform.Relocation.Tests.FollowUp;
using Platform.Security;

namespace Platform.Relocation.Tests.Statistics;

public sealed class StatisticsTests(RelocationFactory service) : IClassFixture<RelocationFactory>
{
    private StatisticsService.StatisticsServiceClient Client => service.Client<StatisticsService.StatisticsServiceClient>();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    private DateTime Now => service.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Statistics_are_read_within_the_callers_region_only()
    {
        var site = await service.SeedSiteAsync();
        var other = service.CountyOfficer(TestRegions.OtherCounty);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.GetSiteStatisticsAsync(new GetSiteStatisticsRequest { SiteId = "s" }, County));
        Assert.Equal("site_id", RpcAssert.InvalidField(error));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.GetSiteStatisticsAsync(new GetSiteStatisticsRequest { SiteId = site.Id.ToString() }, other));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = TestRegions.County }, other));
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = "12" }, County));
        Assert.Equal("region_code", RpcAssert.InvalidField(error));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Client.ListUnexitedRelocatedAsync(new ListUnexitedRelocatedRequest { RegionCode = TestRegions.OtherCounty }, County));
        error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Client.ListUnexitedRelocatedAsync(new ListUnexitedRelocatedRequest { Side = (RelocationSide)7 }, County));
        Assert.Equal("side", RpcAssert.InvalidField(error));

        // Readers of every level and auditors read; the province sees the county's site.
        var province = service.As(PlatformRoles.ProvincialOfficer, TestRegions.Province);
        Assert.Equal(site.Id.ToString(), (await Client.GetSiteStatisticsAsync(new GetSiteStatisticsRequest { SiteId = site.Id.ToString() }, province)).Statistics.SiteId);
    }

    [Fact]
    public async Task Unexited_relocated_households_are_listed_with_their_gaps()
    {
        var site = await service.SeedSiteAsync(TestRegions.OtherCountyTownship);
        var poor = await service.Household().Head().RegisterAsync();
        await service.SeedPlanAsync(poor, site);
        await service.ApplyAsync(new HouseholdIncomeRecorded(poor.Id, poor.RegionCode, 2025, 1_000_000, 599_999, 0, 1, Now));
        await service.ApplyAsync(new GuaranteeStatusChanged(poor.Id, poor.RegionCode, "Met", "Met", "NotMet", "Met", "Met", ["Uninsured"], Now));
        var atTheLine = await service.Household().Head().RegisterAsync();
        await service.SeedPlanAsync(atTheLine, site);
        await service.EmployAsync(atTheLine, atTheLine.Head.MemberId);
        await service.ApplyAsync(new HouseholdIncomeRecorded(atTheLine.Id, atTheLine.RegionCode, 2025, 600_000, 600_000, 0, 1, Now));
        await service.ApplyAsync(new GuaranteeStatusChanged(atTheLine.Id, atTheLine.RegionCode, "Met", "Met", "Met", "Met", "Met", [], Now));
        var exited = await service.Household().Head().RegisterAsync();
        await service.SeedPlanAsync(exited, site);
        await service.ApplyAsync(new HouseholdExited(exited.Id, exited.RegionCode, Now.AddMinutes(1), service.Today.AddYears(5)));
        var planned = await service.Household().Head().RegisterAsync();
        await service.SeedPlanAsync(planned, site, moveIn: false);

        // The household's origin county lists it by origin; the destination lists it by default.
        var byOrigin = await Client.ListUnexitedRelocatedAsync(new ListUnexitedRelocatedRequest { RegionCode = TestRegions.Village, Side = RelocationSide.Origin }, County);
        var listed = byOrigin.Households.Where(h => h.SiteId == site.Id.ToString()).ToDictionary(h => h.HouseholdId);
        Assert.Equal(new[] { poor.Id.ToString(), atTheLine.Id.ToString() }.Order(), listed.Keys.Order());
        var gaps = listed[poor.Id.ToString()].Gaps;
        Assert.Equal([ExitGapKind.IncomeBelowLine, ExitGapKind.GuaranteeNotMet, ExitGapKind.ZeroEmployment], gaps.Select(g => g.Kind));
        Assert.Equal(599_999, gaps[0].PerCapitaNetIncome.Fen);
        Assert.Equal(600_000, gaps[0].PovertyLine.Fen);
        Assert.Equal(2025, gaps[0].IncomeYear);
        Assert.Equal("Medical", gaps[1].Guarantee);
        Assert.Equal("NotMet", gaps[1].GuaranteeState);
        Assert.Equal(["Uninsured"], gaps[1].Reasons);
        Assert.Empty(listed[atTheLine.Id.ToString()].Gaps);
        Assert.Equal("Registered", listed[poor.Id.ToString()].RegistryStatus);

        var byDestination = await Client.ListUnexitedRelocatedAsync(new ListUnexitedRelocatedRequest(), County);
        Assert.DoesNotContain(byDestination.Households, h => h.SiteId == site.Id.ToString());
        var destination = await Client.ListUnexitedRelocatedAsync(new ListUnexitedRelocatedRequest(), service.CountyOfficer(TestRegions.OtherCounty));
        Assert.Equal(2, destination.Households.Count(h => h.SiteId == site.Id.ToString()));
    }

    [Fact]
    public async Task A_household_without_any_income_recorded_shows_income_unknown()
    {
        var household = await service.Household().Head().RegisterAsync();
        var site = await service.SeedSiteAsync();
        await service.SeedPlanAsync(household, site);

        var listed = await Client.ListUnexitedRelocatedAsync(new ListUnexitedRelocatedRequest { Page = new Pa.Common.V1.PageRequest { PageSize = 500 } }, County);
        var row = listed.Households.Single(h => h.HouseholdId == household.Id.ToString());
        Assert.Contains(row.Gaps, g => g.Kind == ExitGapKind.IncomeUnknown);
        Assert.Equal(5, row.Gaps.Count(g => g.Kind == ExitGapKind.GuaranteeNotMet));
        Assert.Equal(service.Today.ToString("yyyy"), row.MovedInOn.Year.ToString());
    }
}
