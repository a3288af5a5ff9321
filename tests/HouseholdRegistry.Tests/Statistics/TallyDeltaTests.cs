using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Statistics;
using Household = Platform.HouseholdRegistry.Households.Household;
using Member = Platform.HouseholdRegistry.Households.Member;

namespace Platform.HouseholdRegistry.Tests.Statistics;

/// <summary>The tallies follow every household and member change made through the context, in the same save.</summary>
public sealed class TallyDeltaTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public TallyDeltaTests()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Sum_moves_a_household_and_its_people_from_the_old_row_to_the_new()
    {
        var applied = Key(HouseholdStatus.Applied);
        var registered = Key(HouseholdStatus.Registered);
        var deltas = TallyDeltas.Sum([new HouseholdTallyChange(applied, 3, registered, 3)]);
        Assert.Equal((-1, -3), deltas[applied]);
        Assert.Equal((1, 3), deltas[registered]);
    }

    [Fact]
    public void Sum_drops_rows_whose_changes_cancel_out()
    {
        var key = Key(HouseholdStatus.Registered);
        Assert.Empty(TallyDeltas.Sum([new HouseholdTallyChange(key, 3, key, 3)]));
        Assert.Equal((0, -1), TallyDeltas.Sum([new HouseholdTallyChange(key, 3, key, 2)])[key]);
    }

    [Fact]
    public void A_new_household_counts_in_its_village_with_its_active_members()
    {
        using (var db = NewContext())
        {
            db.Households.Add(NewHousehold(Seeded.Qilipeng, members: 3));
            db.Households.Add(NewHousehold(Seeded.Donghu, members: 2));
            db.SaveChanges();
        }

        Assert.Equal([(Seeded.Donghu, HouseholdStatus.Applied, 1, 2), (Seeded.Qilipeng, HouseholdStatus.Applied, 1, 3)], Tallies());
    }

    [Fact]
    public async Task Every_region_above_the_village_sums_its_villages_and_follows_their_changes()
    {
        await using (var db = NewContext())
        {
            db.Households.Add(NewHousehold(Seeded.Qilipeng, members: 3));
            db.Households.Add(NewHousehold(Seeded.ChangjiVillage, members: 2));
            db.Households.Add(NewHousehold(Seeded.Donghu, members: 1));
            await db.SaveChangesAsync();
            var qilipeng = await db.Households.Where(h => h.RegionCode == Seeded.Qilipeng).Select(h => h.Seq).SingleAsync();
            var member = await db.Members.Where(m => m.HouseholdSeq == qilipeng).OrderBy(m => m.Position).LastAsync();
            member.IsActive = false;
            await db.SaveChangesAsync();
        }

        await using var read = NewContext();
        var rollups = await read.RegionRollups.AsNoTracking().Where(r => r.Households != 0 || r.People != 0).OrderBy(r => r.RegionCode).ToListAsync();
        Assert.Equal(
            [("340000000000", 3, 5), ("341500000000", 3, 5), ("341522000000", 3, 5), ("341522100000", 1, 1), ("341522104000", 2, 4)],
            rollups.Select(r => (r.RegionCode, r.Households, r.People)).ToList());
    }

    [Fact]
    public async Task A_status_change_moves_the_household_and_an_exit_counts_in_its_year()
    {
        await using (var db = NewContext())
        {
            db.Households.Add(NewHousehold(Seeded.Qilipeng, members: 3));
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var household = await db.Households.SingleAsync();
            household.Status = HouseholdStatus.Exited;
            household.ExitedAt = new DateTime(2025, 1, 15, 0, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        }

        var tallies = NewContext().RegionTallies.AsNoTracking().Where(t => t.Households != 0).ToList();
        var tally = Assert.Single(tallies);
        Assert.Equal((HouseholdStatus.Exited, 2025, 1, 3), (tally.Status, tally.ExitYear, tally.Households, tally.People));
    }

    [Fact]
    public async Task Deactivating_or_adding_a_member_changes_people_only()
    {
        await using (var db = NewContext())
        {
            db.Households.Add(NewHousehold(Seeded.Qilipeng, members: 3));
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var member = await db.Members.OrderBy(m => m.Position).LastAsync();
            member.IsActive = false;
            await db.SaveChangesAsync();
        }

        Assert.Equal([(Seeded.Qilipeng, HouseholdStatus.Applied, 1, 2)], Tallies());

        await using (var db = NewContext())
        {
            var seq = await db.Households.Select(h => h.Seq).SingleAsync();
            db.Members.Add(NewMember(seq, 9));
            await db.SaveChangesAsync();
        }

        Assert.Equal([(Seeded.Qilipeng, HouseholdStatus.Applied, 1, 3)], Tallies());
    }

    [Fact]
    public async Task Moving_a_household_to_another_village_moves_its_count()
    {
        await using (var db = NewContext())
        {
            db.Households.Add(NewHousehold(Seeded.Qilipeng, members: 2));
            await db.SaveChangesAsync();
            var household = await db.Households.SingleAsync();
            household.RegionCode = Seeded.ChangjiVillage;
            household.Members[0].IsActive = false;
            await db.SaveChangesAsync();
        }

        Assert.Equal([(Seeded.ChangjiVillage, HouseholdStatus.Applied, 1, 1)], Tallies());
    }

    [Fact]
    public async Task Rebuild_recounts_households_written_around_the_context()
    {
        await using var db = NewContext();
        db.Households.Add(NewHousehold(Seeded.Qilipeng, members: 3));
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Households\" SET \"Status\" = 2");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"RegionTallies\"");

        await RegionTallyMaintenance.RebuildAsync(db, [Seeded.Qilipeng], CancellationToken.None);

        Assert.Equal([(Seeded.Qilipeng, HouseholdStatus.Registered, 1, 3)], Tallies());
    }

    private static TallyKey Key(HouseholdStatus status) => new(Seeded.Qilipeng, status, PovertyCause.Illness, MonitoringCategory.None, 0, 0);

    private List<(string, HouseholdStatus, int, int)> Tallies()
    {
        using var db = NewContext();
        return db.RegionTallies.AsNoTracking().Where(t => t.Households != 0 || t.People != 0).OrderBy(t => t.VillageCode)
            .AsEnumerable().Select(t => (t.VillageCode, t.Status, t.Households, t.People)).ToList();
    }

    private SqliteRegistryDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteRegistryDbContext>().UseSqlite(_connection).Options);

    private static Household NewHousehold(string village, int members) => new()
    {
        Id = Guid.NewGuid(),
        RegionCode = village,
        Status = HouseholdStatus.Applied,
        PrimaryCause = PovertyCause.Illness,
        AppliedBy = "test",
        Members = Enumerable.Range(0, members).Select(i => NewMember(0, i)).ToList(),
    };

    private static Member NewMember(long householdSeq, int position) => new()
    {
        Id = Guid.NewGuid(),
        HouseholdSeq = householdSeq,
        Position = position,
        Name = $"member {position}",
        NationalIdCipher = "cipher",
        NationalIdHash = Guid.NewGuid().ToString("N"),
    };
}
