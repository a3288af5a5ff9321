using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Relocation.V1;
using Platform.Security;
using static Platform.Relocation.Tests.Sites.SiteCalls;

namespace Platform.Relocation.Tests.Sites;

/// <summary>The site calls: creation, units, services, industries, case officer, capacity and listings.</summary>
public sealed class SiteGrpcTests(RelocationFactory service) : IClassFixture<RelocationFactory>
{
    private SiteService.SiteServiceClient Sites => service.Sites();

    private CallOptions County => service.CountyOfficer(TestRegions.County);

    [Fact]
    public async Task A_county_officer_builds_up_a_site_and_reads_it_back_with_exact_areas()
    {
        var request = NewSite();
        request.PublicServices = new PublicServices { School = true };
        request.CaseOfficer = new CaseOfficer { Subject = "officer-wang", Name = "Wang Li" };
        var site = (await Sites.CreateSiteAsync(request, County)).Site;
        Assert.Equal(["NoLeadingIndustry", "NoClinic", "NoCommunityServiceCentre", "NoEmploymentServiceStation"], site.StandardGaps);
        Assert.Equal(("officer-wang", "Wang Li"), (site.CaseOfficer.Subject, site.CaseOfficer.Name));

        await Sites.AddHousingUnitsAsync(Units(site.SiteId, ("1-101", 7550), ("1-102", 9000)), County);
        await Sites.SetPublicServicesAsync(new SetPublicServicesRequest
        {
            SiteId = site.SiteId,
            PublicServices = new PublicServices { School = true, Clinic = true, CommunityServiceCentre = true, EmploymentServiceStation = true },
        }, County);
        await Sites.AddLeadingIndustryAsync(new AddLeadingIndustryRequest { SiteId = site.SiteId, Name = "Garment workshop" }, County);
        await Sites.SetCaseOfficerAsync(new SetCaseOfficerRequest { SiteId = site.SiteId }, County);

        var read = (await Sites.GetSiteAsync(new GetSiteRequest { SiteId = site.SiteId }, service.As(PlatformRoles.Auditor, TestRegions.County))).Site;
        Assert.Equal([("1-101", 7550), ("1-102", 9000)], read.Units.Select(u => (u.Number, u.AreaSqmHundredths)));
        Assert.Equal(75.50m, await service.QueryAsync(db => db.Set<Relocation.Sites.HousingUnit>().Where(u => u.Number == "1-101" && u.SiteId == Guid.Parse(site.SiteId)).Select(u => u.AreaSqm).SingleAsync()));
        Assert.Equal("Garment workshop", Assert.Single(read.Industries).Name);
        Assert.Empty(read.StandardGaps);
        Assert.Null(read.CaseOfficer);
        Assert.Equal((0, 0), (read.Occupancy.Households, read.Occupancy.People));
        Assert.Equal(1, await service.QueryAsync(db => db.AuditRecords.CountAsync(a => a.Action == "relocation.site.create" && a.EntityId == site.SiteId)));
    }

    [Fact]
    public async Task Creating_a_site_checks_every_field_and_is_for_county_officers_and_above_in_their_region()
    {
        var bad = NewSite(region: "3415221");
        bad.Name = " ";
        bad.Type = SiteType.Unspecified;
        bad.CapacityHouseholds = 10;
        bad.CapacityPeople = 9;
        bad.CaseOfficer = new CaseOfficer { Subject = "officer-li" };
        var fields = RpcAssert.InvalidFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Sites.CreateSiteAsync(bad, County)));
        // The contract's rules answer first; a blank name and too few people per household are the handler's, in a second round.
        Assert.Equal(["region_code", "type", "case_officer.name"], fields);
        (bad.RegionCode, bad.Type, bad.CaseOfficer.Name) = (TestRegions.Township, SiteType.CentralisedTown, "Li Na");
        fields = RpcAssert.InvalidFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Sites.CreateSiteAsync(bad, County)));
        Assert.Equal(["name", "capacity_people"], fields);
        var zero = NewSite(households: 0, people: 0);
        Assert.Equal(["capacity_households", "capacity_people"], RpcAssert.InvalidFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Sites.CreateSiteAsync(zero, County))));
        Assert.Equal("region_code", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Sites.CreateSiteAsync(NewSite(region: "341500000000"), service.As(PlatformRoles.CityOfficer, "341500000000")))));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Sites.CreateSiteAsync(NewSite(TestRegions.Village), service.VillageOfficer(TestRegions.Village)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Sites.CreateSiteAsync(NewSite(), service.As(PlatformRoles.TownshipOfficer, TestRegions.Township)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Sites.CreateSiteAsync(NewSite(TestRegions.OtherCountyTownship), County));
        var provincial = await Sites.CreateSiteAsync(NewSite(TestRegions.OtherCountyTownship), service.As(PlatformRoles.ProvincialOfficer, TestRegions.Province));
        Assert.Equal(TestRegions.OtherCountyTownship, provincial.Site.RegionCode);
    }

    [Fact]
    public async Task A_batch_of_units_is_added_whole_or_not_at_all_and_names_the_row_at_fault()
    {
        var site = await service.CreateSiteAsync(TestRegions.Township, 10, 40, ("A-1", 8000));

        var twice = RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Sites.AddHousingUnitsAsync(Units(site.SiteId, ("A-2", 8000), ("A-3", 8000), ("A-4", 8000), ("a-2", 8000)), County)));
        Assert.Equal("units[3].number", twice);
        var existing = RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Sites.AddHousingUnitsAsync(Units(site.SiteId, ("A-2", 8000), ("A-1", 8000)), County)));
        Assert.Equal("units[1].number", existing);
        var areas = RpcAssert.InvalidFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Sites.AddHousingUnitsAsync(Units(site.SiteId, ("A-2", 0), ("A-3", 50_000), ("A-4", 50_001), ("", 100)), County)));
        Assert.Equal(["units[0].area_sqm_hundredths", "units[2].area_sqm_hundredths", "units[3].number"], areas);
        Assert.Equal("units", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Sites.AddHousingUnitsAsync(Units(site.SiteId), County))));

        var read = (await Sites.GetSiteAsync(new GetSiteRequest { SiteId = site.SiteId }, County)).Site;
        Assert.Equal(["A-1"], read.Units.Select(u => u.Number));
        var added = await Sites.AddHousingUnitsAsync(Units(site.SiteId, ("A-2", 50_000)), service.As(PlatformRoles.TownshipOfficer, TestRegions.Township));
        Assert.Equal(["A-1", "A-2"], added.Site.Units.Select(u => u.Number));
    }

    [Fact]
    public async Task Changes_need_a_recorder_covering_the_site_and_industries_are_unique_per_site()
    {
        var site = await service.CreateSiteAsync(TestRegions.Township, 10, 40);
        var industry = new AddLeadingIndustryRequest { SiteId = site.SiteId, Name = " tea BASE " };

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, Sites.AddLeadingIndustryAsync(industry, County));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Sites.AddLeadingIndustryAsync(new AddLeadingIndustryRequest { SiteId = site.SiteId, Name = "Orchard" }, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, Sites.GetSiteAsync(new GetSiteRequest { SiteId = site.SiteId }, service.CountyOfficer(TestRegions.OtherCounty)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Sites.SetPublicServicesAsync(
            new SetPublicServicesRequest { SiteId = site.SiteId, PublicServices = new PublicServices() }, service.As(PlatformRoles.CityOfficer, "341500000000")));
        Assert.Equal("name", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Sites.AddLeadingIndustryAsync(new AddLeadingIndustryRequest { SiteId = site.SiteId, Name = "" }, County))));
        Assert.Equal("site_id", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Sites.SetCaseOfficerAsync(new SetCaseOfficerRequest { SiteId = "nope" }, County))));
        Assert.Equal("public_services", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Sites.SetPublicServicesAsync(new SetPublicServicesRequest { SiteId = site.SiteId }, County))));

        var officer = await Sites.SetCaseOfficerAsync(new SetCaseOfficerRequest { SiteId = site.SiteId, CaseOfficer = new CaseOfficer { Subject = "officer-zhao", Name = "Zhao Min" } },
            service.As(PlatformRoles.TownshipOfficer, TestRegions.Township));
        Assert.Equal("officer-zhao", officer.Site.CaseOfficer.Subject);
    }

    [Fact]
    public async Task Capacity_cannot_fall_below_what_the_site_already_holds()
    {
        var site = await service.SeedSiteAsync(units: 3, capacityHouseholds: 5, capacityPeople: 20);
        var household = await service.Household().Head().Spouse().Child().RegisterAsync();
        await service.SeedPlanAsync(household, site, moveIn: false);
        var id = site.Id.ToString();

        var held = (await Sites.GetSiteAsync(new GetSiteRequest { SiteId = id }, County)).Site;
        Assert.Equal((1, 3), (held.Occupancy.Households, held.Occupancy.People));
        Assert.Equal(household.Id.ToString(), held.Units.Single(u => u.HouseholdId != "").HouseholdId);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, Sites.UpdateCapacityAsync(new UpdateCapacityRequest { SiteId = id, CapacityHouseholds = 1, CapacityPeople = 2 }, County));
        Assert.Equal("capacity_people", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            Sites.UpdateCapacityAsync(new UpdateCapacityRequest { SiteId = id, CapacityHouseholds = 4, CapacityPeople = 3 }, County))));
        var updated = await Sites.UpdateCapacityAsync(new UpdateCapacityRequest { SiteId = id, CapacityHouseholds = 1, CapacityPeople = 3 }, County);
        Assert.Equal((1, 3), (updated.Site.CapacityHouseholds, updated.Site.CapacityPeople));
    }

    [Fact]
    public async Task Listings_page_through_a_region_and_filter_sites_below_standard_or_without_a_leading_industry()
    {
        const string village = "341522100299";
        var complete = await service.CreateSiteAsync(village, 10, 40);
        var bare = (await Sites.CreateSiteAsync(NewSite(village), County)).Site;
        var noClinic = await service.CreateSiteAsync(village, 10, 40);
        await Sites.SetPublicServicesAsync(new SetPublicServicesRequest { SiteId = noClinic.SiteId, PublicServices = new PublicServices { School = true, CommunityServiceCentre = true, EmploymentServiceStation = true } }, County);

        async Task<List<string>> ListAsync(SiteFilter filter)
        {
            var ids = new List<string>();
            var request = new ListSitesRequest { RegionCode = village, Filter = filter, Page = new() { PageSize = 1 } };
            do
            {
                var page = await Sites.ListSitesAsync(request, County);
                ids.AddRange(page.Sites.Select(s => s.SiteId));
                request.Page.PageToken = page.Page.NextPageToken;
            }
            while (request.Page.PageToken != "");
            return ids;
        }

        Assert.Equal(new[] { complete.SiteId, bare.SiteId, noClinic.SiteId }.Order(), (await ListAsync(SiteFilter.Unspecified)).Order());
        Assert.Equal(new[] { bare.SiteId, noClinic.SiteId }.Order(), (await ListAsync(SiteFilter.BelowStandard)).Order());
        Assert.Equal([bare.SiteId], await ListAsync(SiteFilter.WithoutLeadingIndustry));
        var summary = (await Sites.ListSitesAsync(new ListSitesRequest { RegionCode = village, Filter = SiteFilter.WithoutLeadingIndustry }, County)).Sites.Single();
        Assert.Equal(0, summary.LeadingIndustries);
        Assert.Equal(["NoLeadingIndustry"], summary.StandardGaps);

        await RpcAssert.FailsAsync(StatusCode.NotFound, Sites.ListSitesAsync(new ListSitesRequest { RegionCode = village }, service.CountyOfficer(TestRegions.OtherCounty)));
        Assert.Equal("region_code", RpcAssert.InvalidField(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Sites.ListSitesAsync(new ListSitesRequest { RegionCode = "x" }, County))));
    }
}
