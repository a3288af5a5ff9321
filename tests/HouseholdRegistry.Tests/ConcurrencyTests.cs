using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Monitoring;

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

    [Fact]
    public async Task Two_guarantee_statuses_applied_from_the_same_read_cannot_both_be_saved()
    {
        var household = await registry.ApplyAsync(Applications.Household(Seeded.Qilipeng));
        var id = Guid.Parse(household.HouseholdId);
        await using (var setup = registry.Services.CreateAsyncScope())
        {
            var db = setup.ServiceProvider.GetRequiredService<RegistryDbContext>();
            (await db.Households.SingleAsync(h => h.Id == id)).Guarantees = new GuaranteeSnapshot { Medical = GuaranteeState.Unknown, ChangedAt = new DateTime(2026, 4, 30, 0, 0, 0, DateTimeKind.Utc) };
            await db.SaveChangesAsync();
        }

        await using var first = registry.Services.CreateAsyncScope();
        await using var second = registry.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var seenByFirst = await firstDb.Households.SingleAsync(h => h.Id == id);
        var seenBySecond = await secondDb.Households.SingleAsync(h => h.Id == id);

        // Both consumers read the status of April 30, so both would write theirs; only the owned snapshot changes.
        seenByFirst.Guarantees = new GuaranteeSnapshot { Medical = GuaranteeState.Met, ChangedAt = new DateTime(2026, 5, 2, 0, 0, 0, DateTimeKind.Utc) };
        await firstDb.SaveChangesAsync();
        seenBySecond.Guarantees = new GuaranteeSnapshot { Medical = GuaranteeState.NotMet, ChangedAt = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc) };

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());
        var stored = await registry.QueryAsync(db => db.Households.AsNoTracking().SingleAsync(h => h.Id == id));
        Assert.Equal(GuaranteeState.Met, stored.Guarantees?.Medical);
    }
}
