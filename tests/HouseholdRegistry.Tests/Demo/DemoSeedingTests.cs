using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Demo;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Tests.Support;
using Platform.Security;

namespace Platform.HouseholdRegistry.Tests.Demo;

public sealed class DemoSeedingTests
{
    private const string DemoCounty = DemoCountyPlan.CountyCode;

    [Fact]
    public async Task An_operator_seeds_the_demo_county_with_progress_and_a_second_run_changes_nothing()
    {
        await using var registry = new RegistryFactory();
        var operatorOptions = registry.As(PlatformRoles.Operator, "340000000000");

        var progress = await SeedAsync(registry, operatorOptions, 2_500);

        Assert.Equal(["households", "households", "households", "done"], progress.Select(p => p.Phase));
        Assert.Equal([1_000, 2_000, 2_500, 2_500], progress.Select(p => p.Done));
        Assert.Equal(2_500, await registry.CountHouseholdsAsync(DemoCounty));
        var outbox = await registry.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.MessageType.StartsWith(typeof(HouseholdRegistered).FullName!)));
        var registered = await registry.QueryAsync(db => db.Households.CountAsync(h => h.RegionCode.StartsWith("341599") && h.RegisteredAt != null));
        Assert.Equal(registered, outbox);
        Assert.InRange(registered, 2_000, 2_400);

        var openStages = await registry.QueryAsync(db => db.Cases.Where(c => c.RegionCode.StartsWith("341599") && c.OpenForHouseholdId != null)
            .Select(c => c.Stage).Distinct().ToListAsync());
        Assert.Superset(new HashSet<CaseStage> { CaseStage.GroupAppraisal, CaseStage.VillageReview, CaseStage.VillageNotice, CaseStage.TownshipCheck, CaseStage.CountyApproval, CaseStage.Announcement }, openStages.ToHashSet());
        var exited = await registry.QueryAsync(db => db.Households.CountAsync(h => h.RegionCode.StartsWith("341599") && h.Status == HouseholdStatus.Exited && h.SupportUntil != null));
        Assert.Equal(exited, await registry.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.MessageType.StartsWith(typeof(HouseholdExited).FullName!))));
        Assert.InRange(exited, 150, 350);

        var paired = await registry.QueryAsync(db => db.Households.CountAsync(h => h.RegionCode.StartsWith("341599") && h.HelperId != null));
        Assert.Equal(2_500 - await registry.QueryAsync(db => db.Households.CountAsync(h => h.RegionCode.StartsWith("341599") && h.Status == HouseholdStatus.Rejected)), paired);
        Assert.Equal((2_500 + 2) / 3, await registry.QueryAsync(db => db.Helpers.CountAsync(h => h.RegionCode == DemoCounty)));
        var statistics = await registry.Statistics().GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = DemoCounty, Year = registry.Clock.GetUtcNow().Year },
            registry.CountyOfficer(DemoCounty));
        Assert.Equal((registered - exited, exited), (statistics.Region.RegisteredHouseholds, statistics.Region.ExitedHouseholds));
        Assert.Equal(20, statistics.Children.Count);

        var again = await SeedAsync(registry, operatorOptions, 2_500);
        Assert.Equal("already-seeded", Assert.Single(again).Phase);
        Assert.Equal(2_500, await registry.CountHouseholdsAsync(DemoCounty));
    }

    [Fact]
    public async Task A_run_cut_short_resumes_and_writes_each_household_its_rows_and_its_events_once()
    {
        await using var registry = new RegistryFactory();
        await using (var scope = registry.Services.CreateAsyncScope())
        {
            // The first run stops after its first chunk, as a cancelled call or a stopped service would.
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            var caller = new Caller("test-operator", "test-operator", PlatformRoles.Operator, RegionCode.Parse("340000000000"), new HashSet<string>());
            await foreach (var first in seeder.SeedAsync(new DemoCountyPlan(2_500), caller, "test", null, CancellationToken.None))
            {
                Assert.Equal(("households", 1_000), (first.Phase, first.Done));
                break;
            }
        }

        Assert.Equal(1_000, await registry.QueryAsync(db => db.Households.CountAsync(h => h.RegionCode.StartsWith("341599"))));
        Assert.False(await registry.QueryAsync(db => db.Regions.AnyAsync(r => r.Code == DemoCounty)));

        var progress = await SeedAsync(registry, registry.As(PlatformRoles.Operator, "340000000000"), 2_500);
        Assert.Equal("done", progress[^1].Phase);
        Assert.Equal(2_500, await registry.CountHouseholdsAsync(DemoCounty));
        Assert.Equal(2_500, await registry.QueryAsync(db => db.Households.Select(h => h.Id).Distinct().CountAsync()));
        var events = await registry.QueryAsync(db => db.OutboxMessages.GroupBy(m => new { m.AggregateKey, m.MessageType }).Select(g => g.Count()).ToListAsync());
        Assert.All(events, count => Assert.Equal(1, count));
        Assert.Equal(2_500, await registry.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.MessageType.StartsWith(typeof(HouseholdApplied).FullName!))));
        var members = await registry.QueryAsync(db => db.Members.CountAsync());
        Assert.Equal(new DemoCountyPlan(2_500).Households(DateOnly.FromDateTime(registry.Clock.GetUtcNow().UtcDateTime)).Sum(h => h.Members.Count), members);
        Assert.Equal((2_500 + 2) / 3, await registry.QueryAsync(db => db.Helpers.CountAsync()));
        var rejected = await registry.QueryAsync(db => db.Households.CountAsync(h => h.Status == HouseholdStatus.Rejected));
        Assert.Equal(2_500 - rejected, await registry.QueryAsync(db => db.HelperPairings.CountAsync()));
        Assert.Equal(2_500, await registry.QueryAsync(db => db.Cases.Select(c => c.HouseholdSeq).Distinct().CountAsync()));

        // The tallies count each household once: the county's statistics agree with the households table.
        var registered = await registry.QueryAsync(db => db.Households.CountAsync(h => h.RegisteredAt != null));
        var exited = await registry.QueryAsync(db => db.Households.CountAsync(h => h.Status == HouseholdStatus.Exited));
        var statistics = await registry.Statistics().GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = DemoCounty, Year = registry.Clock.GetUtcNow().Year },
            registry.CountyOfficer(DemoCounty));
        Assert.Equal((registered - exited, exited), (statistics.Region.RegisteredHouseholds, statistics.Region.ExitedHouseholds));

        // One audit record per chunk of each run, and one for the regions.
        Assert.Equal(1 + 3, await registry.QueryAsync(db => db.AuditRecords.CountAsync(a => a.Action == "demo.seed-households")));
        Assert.Equal(1, await registry.QueryAsync(db => db.AuditRecords.CountAsync(a => a.Action == "demo.seed-regions")));
    }

    [Fact]
    public async Task Only_operators_may_seed_and_only_where_enabled()
    {
        await using var registry = new RegistryFactory();
        var denied = await Assert.ThrowsAsync<RpcException>(() => SeedAsync(registry, registry.CountyOfficer(Seeded.Huoqiu), 10));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var invalid = await Assert.ThrowsAsync<RpcException>(() => SeedAsync(registry, registry.As(PlatformRoles.Operator, "340000000000"), -1));
        Assert.Equal("households", RpcAssert.InvalidField(invalid));

        await using var production = RegistryFactory.With(new Dictionary<string, string> { ["Registry:Demo:Enabled"] = "false" });
        var disabled = await Assert.ThrowsAsync<RpcException>(() => SeedAsync(production, production.As(PlatformRoles.Operator, "340000000000"), 10));
        Assert.Equal(StatusCode.FailedPrecondition, disabled.StatusCode);
    }

    private static async Task<List<SeedDemoCountyResponse>> SeedAsync(RegistryFactory registry, CallOptions options, int households)
    {
        using var call = registry.Demo.SeedDemoCounty(new SeedDemoCountyRequest { Households = households }, options.WithDeadline(DateTime.UtcNow.AddMinutes(2)));
        return await call.ResponseStream.ReadAllAsync().ToListAsync();
    }
}
