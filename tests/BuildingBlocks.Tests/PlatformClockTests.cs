using Platform.ServiceDefaults;

namespace Platform.BuildingBlocks.Tests;

public sealed class PlatformClockTests
{
    [Fact]
    public void The_clock_answers_whole_microseconds_as_postgres_stores_them()
    {
        for (var i = 0; i < 100; i++)
        {
            var now = PlatformClock.Instance.GetUtcNow();
            Assert.Equal(0, now.Ticks % TimeSpan.TicksPerMicrosecond);
            Assert.True((DateTimeOffset.UtcNow - now).Duration() < TimeSpan.FromSeconds(1));
        }
    }
}
