using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.HouseholdRegistry.Data;

namespace Platform.Messaging.Tests;

/// <summary>Has a broker of its own: it kills and restarts the node, which other tests must not feel.</summary>
public sealed class OutboxDeliveryTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>, IAsyncLifetime
{
    private readonly string _probeDatabase = Path.Combine(Path.GetTempPath(), $"pa-probe-{Guid.NewGuid():N}.db");
    private IHost? _probe;

    public async Task InitializeAsync()
    {
        if (!fixture.Broker.IsRunning)
        {
            await fixture.Broker.StartAsync(TimeSpan.FromSeconds(60));
        }

        // The consumer declares its durable queue first, as a deployed service would have.
        _probe = await ProbeService.StartAsync(fixture.ConnectionString, _probeDatabase);
    }

    [Fact]
    public async Task Applications_made_while_the_broker_is_down_are_all_delivered_once_it_is_back()
    {
        await fixture.Broker.StopAsync();
        using var registry = new RegistryHost(fixture.ConnectionString);
        var client = registry.Client();

        var applied = new List<Guid>();
        for (var i = 0; i < 200; i++)
        {
            var reply = await client.CreateHouseholdApplicationAsync(RegistryHost.Application(i), registry.VillageOfficer());
            applied.Add(Guid.Parse(reply.Household.HouseholdId));
        }

        Assert.Equal(200, await OutboxCountAsync(registry));

        await fixture.Broker.StartAsync(TimeSpan.FromSeconds(60));
        var effects = await Eventually.WaitAsync(() => ProbeService.EffectsAsync(_probe!), e => e.Count >= 200, TimeSpan.FromSeconds(90), "200 effects");

        Assert.Equal(200, effects.Count);
        Assert.Equal(applied.Order(), effects.Order());
        await Eventually.WaitAsync(() => OutboxCountAsync(registry), n => n == 0, TimeSpan.FromSeconds(10), "an empty outbox");
    }

    public async Task DisposeAsync()
    {
        if (_probe is not null)
        {
            await _probe.StopAsync();
            _probe.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_probeDatabase);
    }

    private static async Task<int> OutboxCountAsync(RegistryHost registry)
    {
        await using var scope = registry.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().OutboxMessages.CountAsync();
    }
}
