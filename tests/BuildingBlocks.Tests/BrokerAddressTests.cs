using Platform.Messaging;

namespace Platform.BuildingBlocks.Tests;

public sealed class BrokerAddressTests
{
    [Fact]
    public void Parses_every_part()
    {
        Assert.Equal(
            new BrokerAddress("127.0.0.1", 5673, "vhost", "user", "pass", UseTls: false),
            BrokerAddress.Parse("amqp://user:pass@127.0.0.1:5673/vhost"));
    }

    [Fact]
    public void Defaults_port_vhost_and_credentials()
    {
        Assert.Equal(new BrokerAddress("localhost", 5672, "/", "guest", "guest", UseTls: false), BrokerAddress.Parse("amqp://localhost"));
        Assert.Equal(new BrokerAddress("localhost", 5672, "/", "guest", "guest", UseTls: false), BrokerAddress.Parse("amqp://localhost/"));
    }

    [Fact]
    public void Escaped_password_and_vhost_are_unescaped()
    {
        var address = BrokerAddress.Parse("amqp://admin:p%40ss%3Aw%2Fd@rabbit:5672/%2Fpa");

        Assert.Equal("admin", address.User);
        Assert.Equal("p@ss:w/d", address.Password);
        Assert.Equal("/pa", address.VirtualHost);
        Assert.Equal("rabbit", address.Host);
    }

    [Fact]
    public void Amqps_defaults_to_the_tls_port()
    {
        // AMQP over TLS listens on 5671 (IANA); 5672 is the plain-text port.
        var address = BrokerAddress.Parse("amqps://rabbit.example");
        Assert.Equal(5671, address.Port);
        Assert.True(address.UseTls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("http://127.0.0.1:5672/")]
    [InlineData("127.0.0.1:5672")]
    [InlineData("not a uri")]
    public void Rejects_non_amqp(string? connectionString)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => BrokerAddress.Parse(connectionString));
        Assert.Contains("amqp://", exception.Message, StringComparison.Ordinal);
    }
}
