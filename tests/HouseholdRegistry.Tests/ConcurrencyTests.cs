using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>Two officers acting on one household at once: the second save fails instead of overwriting the first.</summary>
public sealed class ConcurrencyTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task A_change_based_on_a_stale_read_of_a_household_is_refused()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        var id = Guid.Parse(household.HouseholdId);
        await using var first = registry.Services.CreateAsyncScope();
        await using var second = registry.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var seenByFirst = await firstDb.Households.SingleAsync(h => h.Id == id);
        var seenBySecond = await secondDb.Households.SingleAsync(h => h.Id == id);

        seenByFirst.MonitoringCategory = MonitoringCategory.SuddenHardship;
        await firstDb.SaveChangesAsync();
        seenBySecond.PlannedExitYear = 2027;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());
        var stored = await registry.QueryAsync(db => db.Households.AsNoTracking().SingleAsync(h => h.Id == id));
        Assert.Equal((MonitoringCategory.SuddenHardship, (int?)null, seenByFirst.Version), (stored.MonitoringCategory, stored.PlannedExitYear, stored.Version));
    }
}
