using Pa.Registry.V1;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>Business time comes from the service clock; token lifetimes stay on wall time.</summary>
public sealed class ClockTests
{
    [Fact]
    public async Task Moving_the_service_clock_weeks_ahead_dates_records_by_it_and_keeps_tokens_valid()
    {
        await using var registry = new RegistryFactory();
        registry.Clock.Advance(TimeSpan.FromDays(40));

        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));

        Assert.Equal(registry.Clock.GetUtcNow().UtcDateTime, household.AppliedAt.ToDateTime());
        Assert.Equal(HouseholdStatus.Applied, household.Status);
    }
}
