using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.HouseholdRegistry.Warmup;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>The start-up warm-up makes each hot call through the real handlers and keeps nothing of it.</summary>
public sealed class WarmupTests
{
    [Fact]
    public async Task The_warm_up_makes_every_hot_call_before_the_service_listens_and_rolls_all_of_it_back()
    {
        await using var registry = RegistryFactory.With(new Dictionary<string, string> { ["Registry:Warmup"] = "true" });
        _ = registry.Server; // starts the host: hosted services run before the server takes calls

        var warmup = registry.Services.GetServices<IHostedService>().OfType<RegistryWarmup>().Single();
        Assert.Empty(warmup.Failed);
        Assert.Equal(["CreateHouseholdApplication", "GetHousehold", "ChangeMembers", "ListHouseholds", "GetBattleMap", "GetRegionStatistics", "GetRegionStatistics"], warmup.Warmed);

        var (households, members, outbox, audit) = await registry.QueryAsync(async db =>
            (await db.Households.CountAsync(), await db.Members.CountAsync(), await db.OutboxMessages.CountAsync(), await db.AuditRecords.CountAsync()));
        Assert.Equal((0, 0, 0, 0), (households, members, outbox, audit));
    }

    [Fact]
    public void The_registry_hosts_no_warm_up_when_it_is_switched_off()
    {
        using var registry = new RegistryFactory();
        _ = registry.Server;
        Assert.Empty(registry.Services.GetServices<IHostedService>().OfType<RegistryWarmup>());
    }
}
