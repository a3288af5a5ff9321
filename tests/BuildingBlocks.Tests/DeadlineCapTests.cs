using Platform.ServiceDefaults;

namespace Platform.BuildingBlocks.Tests;

public sealed class DeadlineCapTests
{
    [Theory]
    [InlineData("1H", 3600_000)]
    [InlineData("2M", 120_000)]
    [InlineData("30S", 30_000)]
    [InlineData("250m", 250)]
    [InlineData("1500u", 1.5)]
    [InlineData("2000000n", 2)]
    public void Reads_grpc_timeout_units(string header, double milliseconds)
    {
        Assert.True(DeadlineCapMiddleware.TryParseTimeout(header, out var timeout));
        Assert.Equal(milliseconds, timeout.TotalMilliseconds, precision: 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("-5S")]
    [InlineData("123456789S")]
    public void Rejects_malformed_grpc_timeouts(string header) =>
        Assert.False(DeadlineCapMiddleware.TryParseTimeout(header, out _));
}
