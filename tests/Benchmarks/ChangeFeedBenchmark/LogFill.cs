using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Benchmarks.Registry;
using Platform.HouseholdRegistry.Contracts;
using Platform.HouseholdRegistry.Data;
using Platform.Messaging;
using Platform.Messaging.ChangeFeed;
using Platform.Persistence;

namespace Platform.Benchmarks.ChangeFeed;

/// <summary>How long filling the log took, and how long the real sequencer still numbered after the last insert committed.</summary>
public sealed record FillFigures(int Inserted, TimeSpan Insert, long NumberedAtInsertEnd, TimeSpan NumberedAfterInsert);

/// <summary>
/// Fills the change log to a size: member changes and incomes of the registered households the seed
/// wrote (their HouseholdRegistered changes give the household, village and members), in a shuffled
/// order so the counties' and villages' changes interleave as a working day's do. Each change is the
/// outbox row the registry's handlers would write (<see cref="Outbox.NewRow"/>) turned into its change
/// row by the registry's own <see cref="ChangeSources"/>, inserted with <see cref="BulkRows{T}"/>, one
/// transaction per <see cref="RowsPerTransaction"/>. The service's sequencer numbers them (its commits
/// wake it), as it numbers an import's.
/// </summary>
public static class LogFill
{
    public const int RowsPerTransaction = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<FillFigures> RunAsync(RegistryServer server, long total, CancellationToken ct)
    {
        var pool = await RegisteredAsync(server, ct);
        var existing = await CountAsync(server, ct);
        var toInsert = (int)Math.Max(0, total - existing);
        Console.WriteLine($"Filling the log from {existing:N0} to {total:N0} changes: {toInsert:N0} member changes and incomes of {pool.Count:N0} households ...");
        var random = new Random(17);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pool));

        var watch = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        for (var start = 0; start < toInsert; start += RowsPerTransaction)
        {
            var count = Math.Min(RowsPerTransaction, toInsert - start);
            var rows = new List<OutboxMessage>(count);
            for (var i = start; i < start + count; i++)
            {
                var household = pool[i % pool.Count];
                var round = i / pool.Count;
                rows.Add(i % 2 == 0
                    ? Outbox.NewRow(new HouseholdMembersChanged(household.HouseholdId, household.RegionCode, now, household.Members), household.HouseholdId.ToString(), now)
                    : Outbox.NewRow(Income(household, round, random, now), household.HouseholdId.ToString(), now));
            }

            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await new BulkRows<ChangeRecord>(db, upsert: false, nameof(ChangeRecord.Id)).WriteAsync(db.ChangeSources.ChangesFor(rows), ct);
            await transaction.CommitAsync(ct);
            if ((start / RowsPerTransaction) % 20 == 19)
            {
                Console.WriteLine($"  {start + count,12:N0} inserted  {watch.Elapsed.TotalSeconds,7:N1} s");
            }
        }

        var inserted = watch.Elapsed;
        var numberedAtEnd = await NumberedAsync(server, ct);
        var afterInsert = Stopwatch.StartNew();
        while (await NumberedAsync(server, ct) < existing + toInsert)
        {
            await Task.Delay(50, ct);
        }

        return new FillFigures(toInsert, inserted, numberedAtEnd, afterInsert.Elapsed);
    }

    /// <summary>Waits until the sequencer has numbered every change row (the seed's, before filling).</summary>
    public static async Task<TimeSpan> WaitNumberedAsync(RegistryServer server, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var rows = await CountAsync(server, ct);
        while (await NumberedAsync(server, ct) < rows)
        {
            await Task.Delay(50, ct);
        }

        return watch.Elapsed;
    }

    /// <summary>A year's income after the household's registration: a later round records a later year.</summary>
    private static HouseholdIncomeRecorded Income(HouseholdRegistered household, int round, Random random, DateTime now)
    {
        var members = household.Members.Count;
        var perCapita = random.Next(4_000_00, 12_000_00);
        return new HouseholdIncomeRecorded(household.HouseholdId, household.RegionCode, 2016 + round % 10,
            perCapita * (long)members, perCapita, random.Next(0, 800_00), members, now);
    }

    private static async Task<List<HouseholdRegistered>> RegisteredAsync(RegistryServer server, CancellationToken ct)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var bodies = await db.Changes.AsNoTracking().Where(c => c.Kind == nameof(HouseholdRegistered)).Select(c => c.Body).ToListAsync(ct);
        return [.. bodies.Select(b => JsonSerializer.Deserialize<HouseholdRegistered>(b, Json)!)];
    }

    public static async Task<long> CountAsync(RegistryServer server, CancellationToken ct, string? county = null)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return county is null ? await db.Changes.LongCountAsync(ct) : await db.Changes.LongCountAsync(c => c.CountyCode == county, ct);
    }

    public static async Task<long> NumberedAsync(RegistryServer server, CancellationToken ct)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Changes.MaxAsync(c => c.Sequence, ct) ?? 0;
    }
}
