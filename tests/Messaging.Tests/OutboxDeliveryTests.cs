using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.HouseholdRegistry.Data;

namespace Platform.Messaging.Tests;

/// <summary>Has a broker of its own: it kills and restarts the node, which other tests must not feel.</summary>
public sealed class OutboxDeliveryTests(BrokerFixture fixture) : ProbeTest(fixture), IClassFixture<BrokerFixture>
{
    [Fact]
    public async Task Applications_made_while_the_broker_is_down_are_all_delivered_once_it_is_back()
    {
        await Fixture.Broker.StopAsync();
        using var registry = new RegistryHost(Fixture.ConnectionString);
        var client = registry.Client();

        var applied = new List<Guid>();
        for (var i = 0; i < 200; i++)
        {
            var reply = await client.CreateHouseholdApplicationAsync(RegistryHost.Application(i), registry.VillageOfficer());
            applied.Add(Guid.Parse(reply.Household.HouseholdId));
        }

        Assert.Equal(200, await OutboxCountAsync(registry));

        await Fixture.Broker.StartAsync(TimeSpan.FromSeconds(60));
        var effects = await Eventually.WaitAsync(() => ProbeService.EffectsAsync(Probe), e => e.Count >= 200, TimeSpan.FromSeconds(90), "200 effects");

        Assert.Equal(200, effects.Count);
        Assert.Equal(applied.Order(), effects.Order());
        await Eventually.WaitAsync(() => OutboxCountAsync(registry), n => n == 0, TimeSpan.FromSeconds(10), "an empty outbox");
    }

    private static async Task<int> OutboxCountAsync(RegistryHost registry)
    {
        await using var scope = registry.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().OutboxMessages.CountAsync();
    }
}
