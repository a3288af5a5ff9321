using Microsoft.Extensions.Hosting;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>
/// A test with the probe service running against the fixture's broker, with its own database.
/// The probe starts first, as a deployed consumer would have declared its durable queue already.
/// </summary>
public abstract class ProbeTest(BrokerFixture fixture) : IAsyncLifetime
{
    private readonly TestDatabase _probeDatabase = TestDatabase.Create("probe");
    private IHost? _probe;

    protected BrokerFixture Fixture => fixture;

    /// <summary>The probe's Messaging:BatchSize; tests of batching take more than the default one.</summary>
    protected virtual int BatchSize => 1;

    protected IHost Probe => _probe ?? throw new InvalidOperationException("The probe starts in InitializeAsync.");

    public async Task InitializeAsync()
    {
        if (!fixture.Broker.IsRunning)
        {
            await fixture.Broker.StartAsync(TimeSpan.FromSeconds(60));
        }

        _probe = await ProbeService.StartAsync(fixture.ConnectionString, _probeDatabase, BatchSize);
    }

    public async Task DisposeAsync()
    {
        if (_probe is not null)
        {
            await _probe.StopAsync();
            _probe.Dispose();
        }

        await _probeDatabase.DisposeAsync();
    }
}
