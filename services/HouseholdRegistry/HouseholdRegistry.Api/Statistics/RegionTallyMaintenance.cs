using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Households;
using Household = Platform.HouseholdRegistry.Households.Household;
using Member = Platform.HouseholdRegistry.Households.Member;

namespace Platform.HouseholdRegistry.Statistics;

/// <summary>
/// Keeps <see cref="RegionTally"/> and <see cref="RegionRollup"/> rows in step with households and members: every SaveChanges
/// that changes a counted column or an active member applies the deltas in the same transaction,
/// as atomic increments so concurrent saves never lose a count.
/// </summary>
public static class RegionTallyMaintenance
{
    /// <summary>Saves through <paramref name="save"/> (the context's base SaveChanges) together with the tally deltas.</summary>
    public static async Task<int> SaveAsync(RegistryDbContext db, Func<bool, CancellationToken, Task<int>> save, bool acceptAllChangesOnSuccess, bool async, CancellationToken ct)
    {
        var deltas = TallyDeltas.Sum(await CollectAsync(db, async, ct));
        if (deltas.Count == 0)
        {
            return await save(acceptAllChangesOnSuccess, ct);
        }

        if (db.Database.CurrentTransaction is not null)
        {
            var written = await save(acceptAllChangesOnSuccess, ct);
            await ApplyAsync(db, deltas, async, ct);
            return written;
        }

        // The provider's retry strategy must own a transaction of ours; changes are accepted only after the commit.
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = async ? await db.Database.BeginTransactionAsync(token) : db.Database.BeginTransaction();
            var written = await save(false, token);
            await ApplyAsync(db, deltas, async, token);
            if (async)
            {
                await transaction.CommitAsync(token);
            }
            else
            {
                transaction.Commit();
            }

            return written;
        }, ct);
        if (acceptAllChangesOnSuccess)
        {
            db.ChangeTracker.AcceptAllChanges();
        }

        return result;
    }

    /// <summary>
    /// Counts households written without the change tracker (a bulk import's raw inserts), inside the
    /// writer's transaction: the same increments a tracked insert would have made.
    /// </summary>
    public static Task AddInsertedAsync(RegistryDbContext db, IEnumerable<Household> inserted, CancellationToken ct) =>
        ApplyAsync(db, TallyDeltas.Sum(inserted.Select(h => new HouseholdTallyChange(
            null, 0, TallyKey.Of(h.RegionCode, h.Status, h.PrimaryCause, h.MonitoringCategory, h.PlannedExitYear, h.ExitedAt), h.Members.Count(m => m.IsActive)))),
            async: true, ct);

    /// <summary>
    /// Recounts the tallies of the given villages from the households and members tables; for
    /// writers that bypass the change tracker, such as a bulk import with raw SQL.
    /// </summary>
    public static async Task RebuildAsync(RegistryDbContext db, IReadOnlyCollection<string> villageCodes, CancellationToken ct)
    {
        var codes = villageCodes.Distinct().ToList();
        if (db.Database.CurrentTransaction is not null)
        {
            await ReplaceAsync(ct);
            return;
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await ReplaceAsync(token);
            await transaction.CommitAsync(token);
        }, ct);

        // Read inside the transaction, so no change commits between the count and the replacement.
        async Task ReplaceAsync(CancellationToken token)
        {
            var rows = await db.Households.AsNoTracking().Where(h => codes.Contains(h.RegionCode))
                .Select(h => new
                {
                    h.RegionCode, h.Status, h.PrimaryCause, h.MonitoringCategory, h.PlannedExitYear, h.ExitedAt,
                    People = h.Members.Count(m => m.IsActive),
                })
                .ToListAsync(token);
            var tallies = TallyDeltas.Sum(rows.Select(r => new HouseholdTallyChange(
                null, 0, TallyKey.Of(r.RegionCode, r.Status, r.PrimaryCause, r.MonitoringCategory, r.PlannedExitYear, r.ExitedAt), r.People)));

            // The regions above lose the old counts before the villages' rows go, and gain the new ones with them.
            var old = await db.RegionTallies.AsNoTracking().Where(t => codes.Contains(t.VillageCode)).ToListAsync(token);
            await ApplyRollupsAsync(db, old.ToDictionary(
                t => new TallyKey(t.VillageCode, t.Status, t.PrimaryCause, t.MonitoringCategory, t.PlannedExitYear, t.ExitYear),
                t => (-t.Households, -t.People)), async: true, token);
            await db.RegionTallies.Where(t => codes.Contains(t.VillageCode)).ExecuteDeleteAsync(token);
            await ApplyAsync(db, tallies, async: true, token);
        }
    }

    private static async Task<List<HouseholdTallyChange>> CollectAsync(RegistryDbContext db, bool async, CancellationToken ct)
    {
        var households = db.ChangeTracker.Entries<Household>().ToDictionary(e => e.Property(h => h.Seq).CurrentValue);
        var memberDeltas = MemberDeltas(db.ChangeTracker.Entries<Member>());
        var changed = households.Where(h => h.Value.State is EntityState.Added or EntityState.Deleted
                || (h.Value.State == EntityState.Modified && !Equals(KeyOf(h.Value.OriginalValues), KeyOf(h.Value.CurrentValues))))
            .Select(h => h.Key)
            .Union(memberDeltas.Where(d => d.Value != 0).Select(d => d.Key))
            .ToList();
        if (changed.Count == 0)
        {
            return [];
        }

        var stored = changed.Where(seq => !households.TryGetValue(seq, out var e) || e.State != EntityState.Added).ToList();
        var peopleQuery = db.Members.Where(m => stored.Contains(m.HouseholdSeq) && m.IsActive)
            .GroupBy(m => m.HouseholdSeq).Select(g => new { Seq = g.Key, People = g.Count() });
        var people = (async ? await peopleQuery.ToListAsync(ct) : peopleQuery.ToList()).ToDictionary(p => p.Seq, p => p.People);
        var untracked = stored.Where(seq => !households.ContainsKey(seq)).ToList();
        var untrackedQuery = db.Households.AsNoTracking().Where(h => untracked.Contains(h.Seq))
            .Select(h => new { h.Seq, h.RegionCode, h.Status, h.PrimaryCause, h.MonitoringCategory, h.PlannedExitYear, h.ExitedAt });
        var untrackedKeys = (untracked.Count == 0 ? [] : async ? await untrackedQuery.ToListAsync(ct) : untrackedQuery.ToList())
            .ToDictionary(h => h.Seq, h => TallyKey.Of(h.RegionCode, h.Status, h.PrimaryCause, h.MonitoringCategory, h.PlannedExitYear, h.ExitedAt));

        var changes = new List<HouseholdTallyChange>();
        foreach (var seq in changed)
        {
            var before = people.GetValueOrDefault(seq);
            var after = before + memberDeltas.GetValueOrDefault(seq);
            if (!households.TryGetValue(seq, out var entry))
            {
                if (untrackedKeys.TryGetValue(seq, out var key))
                {
                    changes.Add(new HouseholdTallyChange(key, before, key, after));
                }

                continue;
            }

            changes.Add(entry.State switch
            {
                EntityState.Added => new HouseholdTallyChange(null, 0, KeyOf(entry.CurrentValues), after),
                EntityState.Deleted => new HouseholdTallyChange(KeyOf(entry.OriginalValues), before, null, 0),
                _ => new HouseholdTallyChange(KeyOf(entry.OriginalValues), before, KeyOf(entry.CurrentValues), after),
            });
        }

        return changes;
    }

    /// <summary>Change of the active member count per household: +1 for a member who becomes active there, −1 for one who stops.</summary>
    private static Dictionary<long, int> MemberDeltas(IEnumerable<EntityEntry<Member>> entries)
    {
        var deltas = new Dictionary<long, int>();
        foreach (var entry in entries.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (entry.State != EntityState.Added && entry.OriginalValues.GetValue<bool>(nameof(Member.IsActive)))
            {
                var seq = entry.OriginalValues.GetValue<long>(nameof(Member.HouseholdSeq));
                deltas[seq] = deltas.GetValueOrDefault(seq) - 1;
            }

            if (entry.State != EntityState.Deleted && entry.Entity.IsActive)
            {
                // The entry, not the entity, holds the temporary key of a household added in the same save.
                var seq = entry.Property(m => m.HouseholdSeq).CurrentValue;
                deltas[seq] = deltas.GetValueOrDefault(seq) + 1;
            }
        }

        return deltas;
    }

    private static TallyKey KeyOf(PropertyValues values) => TallyKey.Of(
        values.GetValue<string>(nameof(Household.RegionCode)),
        values.GetValue<HouseholdStatus>(nameof(Household.Status)),
        values.GetValue<PovertyCause>(nameof(Household.PrimaryCause)),
        values.GetValue<MonitoringCategory>(nameof(Household.MonitoringCategory)),
        values.GetValue<int?>(nameof(Household.PlannedExitYear)),
        values.GetValue<DateTime?>(nameof(Household.ExitedAt)));

    /// <summary>Adds the deltas to the villages' tally rows and to the rollup rows of every region above them.</summary>
    private static async Task ApplyAsync(RegistryDbContext db, IReadOnlyDictionary<TallyKey, (int Households, int People)> deltas, bool async, CancellationToken ct)
    {
        await UpsertAsync(db, "RegionTallies", "VillageCode", deltas, async, ct);
        await ApplyRollupsAsync(db, deltas, async, ct);
    }

    private static Task ApplyRollupsAsync(RegistryDbContext db, IReadOnlyDictionary<TallyKey, (int Households, int People)> deltas, bool async, CancellationToken ct) =>
        UpsertAsync(db, "RegionRollups", "RegionCode", TallyDeltas.Rollups(deltas), async, ct);

    /// <summary>At most 1,600 parameters a statement, below SQL Server's 2,100.</summary>
    private const int RowsPerStatement = 200;

    /// <summary>
    /// Atomic increments of tally or rollup rows (the two tables differ only in the name of the code
    /// column), many rows a statement: a filing's save holds the write lock for one statement a table
    /// instead of one per row.
    /// </summary>
    private static async Task UpsertAsync(RegistryDbContext db, string table, string code, IReadOnlyDictionary<TallyKey, (int Households, int People)> deltas, bool async, CancellationToken ct)
    {
        // In key order, so concurrent saves (on PostgreSQL, each locking the rows it upserts) take the shared county and province rows in one order and never deadlock.
        var ordered = deltas.OrderBy(d => d.Key.VillageCode, StringComparer.Ordinal)
            .ThenBy(d => (d.Key.Status, d.Key.PrimaryCause, d.Key.MonitoringCategory, d.Key.PlannedExitYear, d.Key.ExitYear));
        foreach (var chunk in ordered.Chunk(RowsPerStatement))
        {
            var args = chunk.SelectMany(d => new object[]
            {
                d.Key.VillageCode, (int)d.Key.Status, (int)d.Key.PrimaryCause, (int)d.Key.MonitoringCategory, d.Key.PlannedExitYear, d.Key.ExitYear, d.Value.Households, d.Value.People,
            }).ToArray();
            var rows = string.Join(", ", chunk.Select((_, i) => "(" + string.Join(", ", Enumerable.Range(8 * i, 8).Select(n => $"{{{n}}}")) + ")"));

            // SQLite and PostgreSQL share the upsert; SQL Server has MERGE. Table and column names are constants of this class.
            var sql = !db.Database.IsSqlServer()
                ? FormattableStringFactory.Create($$"""
                  INSERT INTO "{{table}}" ("{{code}}", "Status", "PrimaryCause", "MonitoringCategory", "PlannedExitYear", "ExitYear", "Households", "People")
                  VALUES {{rows}}
                  ON CONFLICT ("{{code}}", "Status", "PrimaryCause", "MonitoringCategory", "PlannedExitYear", "ExitYear")
                  DO UPDATE SET "Households" = "{{table}}"."Households" + excluded."Households", "People" = "{{table}}"."People" + excluded."People"
                  """, args)
                : FormattableStringFactory.Create($$"""
                  MERGE [{{table}}] WITH (HOLDLOCK) AS t
                  USING (VALUES {{rows}}) AS s ({{code}}, Status, PrimaryCause, MonitoringCategory, PlannedExitYear, ExitYear, Households, People)
                  ON t.{{code}} = s.{{code}} AND t.Status = s.Status AND t.PrimaryCause = s.PrimaryCause
                     AND t.MonitoringCategory = s.MonitoringCategory AND t.PlannedExitYear = s.PlannedExitYear AND t.ExitYear = s.ExitYear
                  WHEN MATCHED THEN UPDATE SET Households = t.Households + s.Households, People = t.People + s.People
                  WHEN NOT MATCHED THEN INSERT ({{code}}, Status, PrimaryCause, MonitoringCategory, PlannedExitYear, ExitYear, Households, People)
                       VALUES (s.{{code}}, s.Status, s.PrimaryCause, s.MonitoringCategory, s.PlannedExitYear, s.ExitYear, s.Households, s.People);
                  """, args);
            if (async)
            {
                await db.Database.ExecuteSqlInterpolatedAsync(sql, ct);
            }
            else
            {
                db.Database.ExecuteSqlInterpolated(sql);
            }
        }
    }
}
