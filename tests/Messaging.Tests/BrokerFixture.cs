using Platform.LocalBroker;

namespace Platform.Messaging.Tests;

/// <summary>A private RabbitMQ node for this test collection; tests may stop and restart it.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"pa-broker-{Guid.NewGuid():N}");

    public BrokerFixture() => Broker = new RabbitMqProcess(RabbitMqNode.Create(_directory, "pa-test"));

    public RabbitMqProcess Broker { get; }

    public string ConnectionString => Broker.Node.ConnectionString;

    public Task InitializeAsync() => Broker.StartAsync(TimeSpan.FromSeconds(60));

    public async Task DisposeAsync()
    {
        await Broker.StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the temp folder is cleaned by the OS later.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrokerCollection : ICollectionFixture<BrokerFixture>
{
    public const string Name = "broker";
}
