using Microsoft.Extensions.Configuration;
using Platform.AppHost;

namespace Platform.EndToEnd.Tests;

/// <summary>The AppHost's "Registry:NoticeDays" for local runs: absent means the registry's own period.</summary>
public sealed class NoticePeriodTests
{
    private static IConfiguration Config(string? days) =>
        new ConfigurationBuilder().AddInMemoryCollection(days is null ? [] : [new(NoticePeriod.Setting, days)]).Build();

    [Fact]
    public void Without_the_setting_the_registry_keeps_its_own_period()
    {
        Assert.Null(NoticePeriod.DaysFrom(Config(null)));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("2", 2)]
    public void The_setting_gives_the_days(string configured, int days)
    {
        Assert.Equal(days, NoticePeriod.DaysFrom(Config(configured)));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("seven")]
    public void A_setting_that_is_not_a_number_of_days_stops_the_run(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => NoticePeriod.DaysFrom(Config(configured)));

        Assert.Contains(NoticePeriod.Setting, error.Message, StringComparison.Ordinal);
    }
}
