using Platform.Messaging;

namespace Platform.BuildingBlocks.Tests;

public sealed class OutboxOptionsTests
{
    private const int Samples = 200;

    private static readonly OutboxOptions Options = new()
    {
        MinBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = TimeSpan.FromSeconds(60),
    };

    [Fact]
    public void First_attempt_is_about_MinBackoff()
    {
        for (var i = 0; i < Samples; i++)
        {
            var delay = Options.Backoff(1);
            Assert.InRange(delay, Options.MinBackoff * 0.8, Options.MinBackoff * 1.2);
        }
    }

    [Fact]
    public void Backoff_grows_with_attempts_until_the_cap()
    {
        // Doubling beats ±20% jitter (0.8 × 2 > 1.2), so each attempt waits longer than the one before.
        for (var i = 0; i < Samples; i++)
        {
            for (var attempts = 1; attempts < 6; attempts++)
            {
                Assert.True(Options.Backoff(attempts + 1) > Options.Backoff(attempts), $"attempt {attempts + 1} did not grow");
            }
        }

        Assert.InRange(Options.Backoff(4), TimeSpan.FromSeconds(8 * 0.8), TimeSpan.FromSeconds(8 * 1.2));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1_000)]
    [InlineData(int.MaxValue)]
    public void Backoff_never_exceeds_MaxBackoff_plus_jitter(int attempts)
    {
        for (var i = 0; i < Samples; i++)
        {
            Assert.InRange(Options.Backoff(attempts), Options.MaxBackoff * 0.8, Options.MaxBackoff * 1.2);
        }
    }

    [Fact]
    public void Jitter_spreads_the_delays()
    {
        var delays = Enumerable.Range(0, Samples).Select(_ => Options.Backoff(3)).Distinct().Count();

        Assert.True(delays > 1, "Backoff returned the same delay every time: no jitter.");
    }
}
