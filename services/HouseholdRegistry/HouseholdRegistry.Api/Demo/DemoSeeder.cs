using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Import;
using Platform.HouseholdRegistry.Policy;
using Platform.Persistence;
using Platform.Security;

namespace Platform.HouseholdRegistry.Demo;

/// <summary>One progress report of a seeding run.</summary>
public sealed record DemoProgress(string Phase, int Done, int Total);

/// <summary>
/// Writes a <see cref="DemoCountyPlan"/> through the registry's own model, chunk by chunk, with the
/// events a real registration would publish, so the rest of the suite sees the demo county too.
/// Each chunk is one transaction: its households, their rows, their outbox events and the chunk's
/// audit record commit together. Household ids are derived from the plan's ordinals: a run that
/// was cut short resumes where it stopped, and a finished county is left unchanged.
/// </summary>
public sealed class DemoSeeder(RegistryDbContext db, PersonalDataProtector protector, RegistryPolicy policies, TimeProvider time, ILogger<DemoSeeder> logger)
{
    private const int ChunkSize = 1_000;

    public async IAsyncEnumerable<DemoProgress> SeedAsync(DemoCountyPlan plan, Caller caller, string purpose, string? traceId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var total = plan.HouseholdCount;
        if (await db.Regions.AnyAsync(r => r.Code == DemoCountyPlan.CountyCode, cancellationToken))
        {
            yield return new DemoProgress("already-seeded", total, total);
            yield break;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = time.GetUtcNow().UtcDateTime;
        var builder = new DemoRowsBuilder(protector, policies, plan.Helpers(), now);
        var timings = new DemoTimings();
        var done = 0;

        // The writer's reused commands belong to one connection, held open for the whole run; on SQLite
        // it gets the import's page cache and WAL checkpoints (one per 128 MB of log, not one per chunk).
        await db.Database.OpenConnectionAsync(cancellationToken);
        await ImportCache.EnlargeAsync(db);
        var checkpoints = await ImportCheckpoints.StartAsync(db, cancellationToken);
        try
        {
            using var writer = new DemoWriter(db);
            foreach (var chunk in plan.Households(DateOnly.FromDateTime(now)).Chunk(ChunkSize))
            {
                // SQL Server's retrying strategy replays a whole chunk after a transient failure; the others run it once.
                await db.Database.CreateExecutionStrategy().ExecuteAsync(
                    () => WriteChunkAsync(chunk, builder, writer, timings, caller, purpose, now, traceId, cancellationToken));
                if (checkpoints is not null)
                {
                    await checkpoints.AfterCommitAsync(cancellationToken);
                }

                done += chunk.Length;
                yield return new DemoProgress("households", done, total);
            }
        }
        finally
        {
            if (checkpoints is not null)
            {
                await checkpoints.RestoreAsync();
            }

            await ImportCache.RestoreAsync(db);
            await db.Database.CloseConnectionAsync();
        }

        // The county's regions go in last: their presence marks a finished seeding.
        db.Regions.AddRange(plan.Regions());
        db.Record(caller, "demo.seed-regions", "region", DemoCountyPlan.CountyCode, purpose, now, traceId);
        await db.SaveChangesAsync(cancellationToken);
        DemoLog.Timings(logger, total, timings.Lookup, timings.Build, timings.Write, timings.Save);
        yield return new DemoProgress("done", total, total);
    }

    /// <summary>A stable id per planned household, so a resumed run recognises what it already wrote.</summary>
    public static Guid HouseholdId(int ordinal) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"{DemoCountyPlan.CountyCode}/household/{ordinal}")));

    /// <summary>A stable id per planned helper.</summary>
    public static Guid HelperId(int index) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"{DemoCountyPlan.CountyCode}/helper/{index}")));

    /// <summary>One chunk in one transaction: the households an earlier run did not write, and the chunk's audit record.</summary>
    private async Task WriteChunkAsync(DemoHousehold[] chunk, DemoRowsBuilder builder, DemoWriter writer, DemoTimings timings,
        Caller caller, string purpose, DateTime now, string? traceId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var watch = Stopwatch.StartNew();
            var ids = chunk.Select(h => HouseholdId(h.Ordinal)).ToList();
            var existing = (await db.Households.Where(h => ids.Contains(h.Id)).Select(h => h.Id).ToListAsync(cancellationToken)).ToHashSet();
            timings.Lookup += watch.Elapsed;

            watch.Restart();
            var rows = chunk.Where(h => !existing.Contains(HouseholdId(h.Ordinal))).Select(builder.Build).ToList();
            timings.Build += watch.Elapsed;

            watch.Restart();
            await writer.WriteAsync(rows, cancellationToken);
            timings.Write += watch.Elapsed;

            watch.Restart();
            db.Record(caller, "demo.seed-households", "region", DemoCountyPlan.CountyCode, purpose, now, traceId);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            timings.Save += watch.Elapsed;
        }
        finally
        {
            // Committed or rolled back, the chunk's tracked rows are done with; a replayed chunk builds its own.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Where a run's time went (logged at Debug): what a slow seed is diagnosed with.</summary>
    private sealed class DemoTimings
    {
        public TimeSpan Lookup { get; set; }

        public TimeSpan Build { get; set; }

        public TimeSpan Write { get; set; }

        public TimeSpan Save { get; set; }
    }
}

internal static partial class DemoLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo seed of {Households} households: lookup {Lookup}, build {Build}, write {Write}, save and commit {Save}")]
    public static partial void Timings(ILogger logger, int households, TimeSpan lookup, TimeSpan build, TimeSpan write, TimeSpan save);
}
