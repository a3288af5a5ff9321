using Grpc.Core;
using Pa.Relocation.V1;
using Platform.Security;

namespace Platform.Relocation.Tests.Sites;

/// <summary>Requests of the site calls, and sites made through them.</summary>
public static class SiteCalls
{
    public static SiteService.SiteServiceClient Sites(this RelocationFactory service) => service.Client<SiteService.SiteServiceClient>();

    /// <summary>A county officer of the county the region lies in.</summary>
    public static CallOptions CountyOf(this RelocationFactory service, string region) =>
        service.CountyOfficer(RegionCode.Parse(region).AncestorAt(RegionLevel.County)!.Value.Value);

    public static CreateSiteRequest NewSite(string region = TestRegions.Township, int households = 10, int people = 40) => new()
    {
        Name = "Dongshan resettlement site",
        RegionCode = region,
        Type = SiteType.CentralisedTown,
        CapacityHouseholds = households,
        CapacityPeople = people,
        PublicServices = new PublicServices { School = true, Clinic = true, CommunityServiceCentre = true, EmploymentServiceStation = true },
    };

    public static AddHousingUnitsRequest Units(string siteId, params (string Number, int Hundredths)[] units)
    {
        var request = new AddHousingUnitsRequest { SiteId = siteId };
        request.Units.AddRange(units.Select(u => new NewHousingUnit { Number = u.Number, AreaSqmHundredths = u.Hundredths }));
        return request;
    }

    /// <summary>A site made through the calls by the county officer, with the given units and one leading industry.</summary>
    public static async Task<Site> CreateSiteAsync(this RelocationFactory service, string region, int households, int people, params (string Number, int Hundredths)[] units)
    {
        var county = service.CountyOf(region);
        var site = (await service.Sites().CreateSiteAsync(NewSite(region, households, people), county)).Site;
        await service.Sites().AddLeadingIndustryAsync(new AddLeadingIndustryRequest { SiteId = site.SiteId, Name = "Tea base" }, county);
        return units.Length == 0 ? site : (await service.Sites().AddHousingUnitsAsync(Units(site.SiteId, units), county)).Site;
    }
}
