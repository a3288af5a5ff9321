using Microsoft.Extensions.DependencyInjection;
using Platform.Relocation.Data;
using Platform.Relocation.FollowUp;
using Platform.Relocation.Plans;
using Platform.Relocation.Sites;

namespace Platform.Relocation.Tests;

/// <summary>
/// Writes sites and relocation plans straight into the database, for tests of what follows them
/// (follow-up, statistics, consumers). The site and plan gRPC calls have their own tests.
/// </summary>
public static class TestSites
{
    /// <summary>A site with <paramref name="units"/> units of 75 m², all four public services and one leading industry.</summary>
    public static async Task<Site> SeedSiteAsync(this RelocationFactory factory, string regionCode = TestRegions.Township, int units = 10,
        int capacityHouseholds = 100, int capacityPeople = 400, string? caseOfficer = null)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var site = new Site
        {
            Id = Guid.CreateVersion7(),
            Name = $"Site {Guid.NewGuid():N}"[..13],
            RegionCode = regionCode,
            Type = SiteType.CentralisedTown,
            CapacityHouseholds = capacityHouseholds,
            CapacityPeople = capacityPeople,
            Services = new PublicServices { School = true, Clinic = true, CommunityServiceCentre = true, EmploymentServiceStation = true },
            CaseOfficerSubject = caseOfficer,
            CaseOfficerName = caseOfficer,
            CreatedAt = now,
            CreatedBy = "test",
        };
        site.Units.AddRange(Enumerable.Range(1, units).Select(i => new HousingUnit { Id = Guid.CreateVersion7(), SiteId = site.Id, Number = $"1-{i:000}", AreaSqm = 75m }));
        site.Industries.Add(new SiteIndustry { Id = Guid.CreateVersion7(), SiteId = site.Id, Name = "Garment workshop", AddedAt = now });
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<RelocationDbContext>();
            db.Add(site);
            await db.SaveChangesAsync();
        });
        return site;
    }

    /// <summary>Plans the household into the site's next free unit and, unless <paramref name="moveIn"/> is false, moves it in and brings its follow-up up to date.</summary>
    public static async Task<RelocationPlan> SeedPlanAsync(this RelocationFactory factory, TestHousehold household, Site site, bool moveIn = true)
    {
        RelocationPlan? plan = null;
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<RelocationDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var unit = db.Set<HousingUnit>().Where(u => u.SiteId == site.Id && u.HouseholdId == null).OrderBy(u => u.Number).First();
            unit.HouseholdId = household.Id;
            plan = new RelocationPlan
            {
                HouseholdId = household.Id,
                OriginRegionCode = household.RegionCode,
                Reason = RelocationReason.UnlivableConditions,
                SiteId = site.Id,
                SiteRegionCode = site.RegionCode,
                UnitId = unit.Id,
                People = household.Members.Count,
                AreaSqm = unit.AreaSqm,
                SubsidyFen = 6_000_000,
                PlannedMoveOn = factory.Today,
                Stage = moveIn ? RelocationStage.MovedIn : RelocationStage.Planned,
                MovedInOn = moveIn ? factory.Today : null,
                PlannedBy = "test",
                PlannedAt = now,
                UpdatedAt = now,
            };
            db.Add(plan);
            await db.SaveChangesAsync();
            await services.GetRequiredService<FollowUpReconciler>().ReconcileAsync(household.Id, now, default);
            await db.SaveChangesAsync();
        });
        return plan!;
    }
}
