using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Tests.Support;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Statistics;

/// <summary>Statistics of any region come from the maintained tallies and must agree with the households themselves.</summary>
public sealed class RegionStatisticsTests
{
    [Fact]
    public async Task A_countys_figures_equal_the_sum_of_its_townships_and_a_recount_of_its_households()
    {
        await using var registry = new RegistryFactory();
        var year = registry.Clock.GetUtcNow().Year;
        var villages = new[] { Seeded.Donghu, Seeded.Hekou, Seeded.Qilipeng, Seeded.ChangjiVillage };
        var causes = new[] { PovertyCause.Illness, PovertyCause.Disability, PovertyCause.Schooling };
        var households = new List<Household>();
        for (var i = 0; i < 12; i++)
        {
            households.Add(await registry.ApplyAsync(Applications.Household(villages[i % villages.Length], causes[i % causes.Length])));
        }

        for (var i = 0; i < 9; i++)
        {
            await registry.SetStatusAsync(households[i].HouseholdId, HouseholdStatus.Registered, plannedExitYear: i % 2 == 0 ? year : year + 1);
        }

        await registry.SetStatusAsync(households[0].HouseholdId, HouseholdStatus.Exited, exitedAt: registry.Clock.GetUtcNow().UtcDateTime, category: MonitoringCategory.UnstableExited);
        await registry.SetStatusAsync(households[1].HouseholdId, HouseholdStatus.Exited, exitedAt: new DateTime(year - 1, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        await registry.SetStatusAsync(households[9].HouseholdId, HouseholdStatus.Rejected);
        await registry.SetStatusAsync(households[10].HouseholdId, HouseholdStatus.Monitored, category: MonitoringCategory.MarginalAtRisk);
        await registry.QueryAsync(async db =>
        {
            var members = await db.Members.Where(m => m.Position == 2).Take(4).ToListAsync();
            members.ForEach(m => m.IsActive = false);
            return await db.SaveChangesAsync();
        });
        await registry.QueryAsync(async db =>
        {
            var moved = await db.Households.SingleAsync(h => h.Id == Guid.Parse(households[2].HouseholdId));
            moved.RegionCode = Seeded.Donghu;
            moved.PrimaryCause = PovertyCause.LackOfLabour;
            return await db.SaveChangesAsync();
        });

        var statistics = await registry.Statistics().GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = Seeded.Huoqiu }, registry.CountyOfficer(Seeded.Huoqiu));

        Assert.Equal(year, statistics.Year);
        Assert.Equal(["341522100000", "341522101000", "341522104000"], statistics.Children.Select(c => c.RegionCode));
        var county = statistics.Region;
        var children = statistics.Children;
        Assert.Equal(county.RegisteredHouseholds, children.Sum(c => c.RegisteredHouseholds));
        Assert.Equal(county.RegisteredPeople, children.Sum(c => c.RegisteredPeople));
        Assert.Equal(county.ExitedHouseholds, children.Sum(c => c.ExitedHouseholds));
        Assert.Equal(county.ExitedPeople, children.Sum(c => c.ExitedPeople));
        Assert.Equal(county.ExitsInYear, children.Sum(c => c.ExitsInYear));
        Assert.Equal(county.PlannedExitsInYear, children.Sum(c => c.PlannedExitsInYear));
        Assert.Equal(Causes(county.CauseMix), children.SelectMany(c => c.CauseMix).GroupBy(c => c.Cause).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(c => c.Households), g.Sum(c => c.People))).ToList());
        Assert.Equal(county.Monitoring.Select(m => (m.Category, m.Households, m.People)), children.SelectMany(c => c.Monitoring).GroupBy(m => m.Category).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(m => m.Households), g.Sum(m => m.People))));

        var recount = await registry.QueryAsync(db => db.Households.AsNoTracking().Include(h => h.Members).Where(h => h.RegionCode.StartsWith("341522")).ToListAsync());
        var registered = recount.Where(h => h.Status == HouseholdStatus.Registered).ToList();
        var exited = recount.Where(h => h.Status == HouseholdStatus.Exited).ToList();
        Assert.Equal(
            (registered.Count, registered.Sum(h => h.Members.Count(m => m.IsActive)), exited.Count, exited.Sum(h => h.Members.Count(m => m.IsActive))),
            (county.RegisteredHouseholds, county.RegisteredPeople, county.ExitedHouseholds, county.ExitedPeople));
        Assert.Equal((7, 1, 5), (registered.Count, exited.Count(h => h.ExitedAt!.Value.Year == year), recount.Count(h => h.PlannedExitYear == year)));
        Assert.Equal((1, 5), (county.ExitsInYear, county.PlannedExitsInYear));
        Assert.Equal(
            registered.GroupBy(h => h.PrimaryCause).OrderBy(g => g.Key).Select(g => (g.Key, g.Count(), g.Sum(h => h.Members.Count(m => m.IsActive)))).ToList(),
            Causes(county.CauseMix));
        Assert.Equal(1.0, county.CauseMix.Sum(c => c.PeopleShare), 6);
        Assert.Equal(
            [(MonitoringCategory.UnstableExited, 1), (MonitoringCategory.MarginalAtRisk, 1)],
            county.Monitoring.Select(m => (m.Category, m.Households)));
    }

    [Fact]
    public async Task The_incidence_rate_is_given_only_where_every_villages_rural_population_is_known()
    {
        await using var registry = new RegistryFactory();
        var household = await registry.RegisteredAsync(Seeded.Xincun);
        var weishan = registry.CountyOfficer(Seeded.Weishan);

        var village = (await registry.Statistics().GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = Seeded.Xincun }, weishan)).Region;
        Assert.Equal((3, 1782L, 0), (village.RegisteredPeople, village.RuralPopulation, village.VillagesWithoutPopulation));
        Assert.Equal(3.0 / 1782, village.IncidenceRate, 9);

        var known = await registry.Statistics().GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = "532927100000", Year = 2025 }, weishan);
        Assert.Equal((1782L + 2140, 0, true), (known.Region.RuralPopulation, known.Region.VillagesWithoutPopulation, known.Region.HasIncidenceRate));

        // A village whose rural population is not known yet: the township's rate would be a guess, so it is not given.
        await registry.QueryAsync(db =>
        {
            db.Regions.Add(new Platform.HouseholdRegistry.Regions.Region { Code = "532927100203", Name = "新建村", Level = RegionLevel.Village, ParentCode = "532927100000" });
            return db.SaveChangesAsync();
        });
        var township = await registry.Statistics().GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = "532927100000", Year = 2025 }, weishan);
        Assert.Equal((1782L + 2140, 1, false), (township.Region.RuralPopulation, township.Region.VillagesWithoutPopulation, township.Region.HasIncidenceRate));
        Assert.Equal(2025, township.Year);
        Assert.True(township.Children.Single(c => c.RegionCode == Seeded.Xincun).HasIncidenceRate);
        Assert.NotNull(household);
    }

    [Fact]
    public async Task Statistics_refuse_bad_input_and_regions_outside_the_callers_scope()
    {
        await using var registry = new RegistryFactory();
        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, registry.Statistics().GetRegionStatisticsAsync(
            new GetRegionStatisticsRequest { RegionCode = "34", Year = 1900 }, registry.CountyOfficer(Seeded.Huoqiu)));
        Assert.Equal(["region_code", "year"], RpcAssert.InvalidFields(invalid));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Statistics().GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = Seeded.Huoqiu }, registry.CountyOfficer(Seeded.Weishan)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, registry.Statistics().GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = "341522199000" }, registry.CountyOfficer(Seeded.Huoqiu)));
        var province = await registry.Statistics().GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = Seeded.Anhui }, registry.As(PlatformRoles.ProvincialOfficer, Seeded.Anhui));
        Assert.Equal(["341500000000"], province.Children.Select(c => c.RegionCode));
    }

    private static List<(PovertyCause, int, int)> Causes(IEnumerable<CauseShare> mix) => mix.Select(c => (c.Cause, c.Households, c.People)).ToList();
}
