using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.Security;
using Platform.HouseholdRegistry.Monitoring;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>Two officers acting on one household, or one person, at once: the second save fails instead of overwriting the first.</summary>
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
    public async Task The_same_person_filed_into_several_households_at_once_is_filed_once_and_the_others_are_told_so()
    {
        var protector = registry.Services.GetRequiredService<PersonalDataProtector>();
        for (var round = 0; round < 3; round++)
        {
            var shared = Applications.Member("周桂英", Relationship.Spouse, male: false);
            var applications = new[] { Seeded.Qilipeng, Seeded.ChangjiVillage, Seeded.Donghu, Seeded.Hekou }.Select(village =>
            {
                var application = Applications.Household(village);
                application.Members[1] = shared.Clone();
                return application;
            }).ToList();
            var households = await registry.CountHouseholdsAsync(Seeded.Huoqiu);

            var outcomes = await Race.RunAsync(applications.Count, i => registry.ApplyAsync(applications[i]));

            Race.AssertOneWinner(outcomes, StatusCode.AlreadyExists);
            var hash = protector.LookupHash(shared.NationalId.ToUpperInvariant());
            Assert.Equal(1, await registry.QueryAsync(db => db.Members.CountAsync(m => m.NationalIdHash == hash)));
            Assert.Equal(households + 1, await registry.CountHouseholdsAsync(Seeded.Huoqiu));
        }
    }

    [Fact]
    public async Task The_same_person_added_to_several_households_at_once_joins_one_and_the_others_are_told_so()
    {
        var protector = registry.Services.GetRequiredService<PersonalDataProtector>();
        var households = new List<Household>();
        foreach (var village in new[] { Seeded.Qilipeng, Seeded.ChangjiVillage, Seeded.Donghu, Seeded.Hekou })
        {
            households.Add(await registry.ApplyAsync(Applications.Household(village)));
        }

        for (var round = 0; round < 3; round++)
        {
            var newborn = Applications.Member("王小红", Relationship.Child, male: false, labour: LabourCapacity.None, schooling: SchoolingStatus.NotOfSchoolAge);

            var outcomes = await Race.RunAsync(households.Count, i => registry.Households.ChangeMembersAsync(
                new ChangeMembersRequest { HouseholdId = households[i].HouseholdId, Add = { newborn.Clone() } },
                registry.CountyOfficer(Seeded.Huoqiu)).ResponseAsync);

            Race.AssertOneWinner(outcomes, StatusCode.AlreadyExists);
            var hash = protector.LookupHash(newborn.NationalId.ToUpperInvariant());
            var joined = Guid.Parse(households[Array.IndexOf(outcomes, StatusCode.OK)].HouseholdId);
            Assert.Equal([joined], await registry.QueryAsync(db => db.Households
                .Where(h => h.Members.Any(m => m.NationalIdHash == hash)).Select(h => h.Id).ToListAsync()));
        }
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
