using System.Threading.Channels;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Policy;
using Platform.Security;
using Platform.ServiceDefaults;
using SecurityRegionLevel = Platform.Security.RegionLevel;
using Platform.Persistence;

namespace Platform.HouseholdRegistry.Import;

/// <summary>What an import call did, and the villages whose households it changed.</summary>
public sealed record ImportOutcome(ImportHouseholdsResponse Response, IReadOnlySet<string> TouchedVillages);

/// <summary>
/// Imports a stream of households in chunks. Validation, encryption and hashing run on one task
/// while the previous chunk is written on another; a bounded channel between them keeps memory
/// at a few chunks whatever the size of the stream.
/// </summary>
public sealed class HouseholdImporter(
    RegistryDbContext db,
    PersonalDataProtector protector,
    RegistryPolicy policy,
    TimeProvider time,
    ILogger<HouseholdImporter> logger)
{
    public const int ChunkSize = 2_000;

    /// <summary>Bad households listed in a result; beyond this only their count is kept, so a broken source cannot exhaust memory.</summary>
    public const int MaxReportedBadHouseholds = 10_000;

    /// <summary>Chunks prepared ahead of the writer.</summary>
    private const int ChunksAhead = 2;

    public async Task<ImportOutcome> ImportAsync(Caller caller, ImportHeader header, IAsyncEnumerable<ImportedHousehold> households, string purpose, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var batch = await db.ImportBatches.FindAsync([header.BatchId], cancellationToken);
        if (batch is not null && !caller.CanSee(RegionCode.Parse(batch.ActorRegion)))
        {
            throw RpcErrors.AlreadyExists($"Batch {header.BatchId} was started by a caller outside your region; choose another batch id.");
        }

        if (batch?.FinishedAt is not null)
        {
            // A resent finished batch changes nothing; the stream is read to its end so the client can finish sending.
            await foreach (var _ in households.WithCancellation(cancellationToken))
            {
            }

            var stored = ImportHouseholdsResponse.Parser.ParseJson(batch.ResultJson ?? throw new InvalidOperationException($"Finished batch {batch.BatchId} has no result."));
            stored.Replayed = true;
            return new ImportOutcome(stored, new HashSet<string>());
        }

        batch ??= await StartBatchAsync(caller, header, now, cancellationToken);
        var villages = (await db.Regions.Where(r => r.Level == SecurityRegionLevel.Village).Select(r => r.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        await db.Database.OpenConnectionAsync(cancellationToken);
        await ImportCache.EnlargeAsync(db);
        var checkpoints = await ImportCheckpoints.StartAsync(db, cancellationToken);
        try
        {
            using var writer = new ImportWriter(db, batch);
            var result = new ImportHouseholdsResponse { BatchId = batch.BatchId };
            var chunks = Channel.CreateBounded<PreparedChunk>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var preparation = new ImportPreparation(protector, policy, caller, batch.BatchId, now, villages);
            var producer = Task.Run(() => PrepareAsync(households, preparation, chunks.Writer, result, stop.Token), stop.Token);
            try
            {
                await foreach (var chunk in chunks.Reader.ReadAllAsync(stop.Token))
                {
                    AddBad(result, chunk.Bad);
                    AddBad(result, await writer.WriteAsync(chunk, caller, purpose, now, stop.Token));
                    if (checkpoints is not null)
                    {
                        await checkpoints.AfterCommitAsync(stop.Token);
                    }

                    Report(writer.Timings, checkpoints, force: false);
                }
            }
            catch
            {
                // The writer failed: stop reading the stream; the producer's own error, if any, is the same story.
                await stop.CancelAsync();
                await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
            }

            await producer;
            Report(writer.Timings, checkpoints, force: true);
            result.Imported = writer.Imported;
            result.AlreadyImported = writer.AlreadyImported;
            result.MatchesRegistered = header.Registered == 0 || header.Registered == result.Received;
            var sorted = result.BadHouseholds.OrderBy(b => b.Position).ToList();
            result.BadHouseholds.Clear();
            result.BadHouseholds.AddRange(sorted);
            await FinishBatchAsync(batch, result, cancellationToken);
            ImportLog.Finished(logger, batch.BatchId, result.Imported, result.AlreadyImported, result.Bad, writer.TouchedVillages.Count);
            return new ImportOutcome(result, writer.TouchedVillages);
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
    }

    private void Report(ImportTimings timings, ImportCheckpoints? checkpoints, bool force)
    {
        if (logger.IsEnabled(LogLevel.Debug) && (force || timings.Households >= ImportTimings.ReportEvery))
        {
            var t = timings.Take();
            ImportLog.Timings(logger, t.Households, t.Lookup, t.Insert, t.Save, t.Commit, checkpoints?.Count ?? 0, checkpoints?.Elapsed.TotalSeconds ?? 0);
        }
    }

    private static async Task PrepareAsync(IAsyncEnumerable<ImportedHousehold> households, ImportPreparation preparation, ChannelWriter<PreparedChunk> chunks, ImportHouseholdsResponse result, CancellationToken cancellationToken)
    {
        long position = 0;
        try
        {
            await foreach (var household in households.WithCancellation(cancellationToken))
            {
                preparation.Add(position, household);
                if (preparation.Count == ChunkSize)
                {
                    await chunks.WriteAsync(preparation.TakeChunk(position), cancellationToken);
                }

                position++;
            }

            if (preparation.Count > 0)
            {
                await chunks.WriteAsync(preparation.TakeChunk(position - 1), cancellationToken);
            }

            result.Received = position;
            chunks.Complete();
        }
        catch (Exception ex)
        {
            chunks.Complete(ex);
            throw;
        }
    }

    private async Task<ImportBatch> StartBatchAsync(Caller caller, ImportHeader header, DateTime now, CancellationToken cancellationToken)
    {
        var batch = new ImportBatch
        {
            BatchId = header.BatchId,
            Source = header.Source.Trim(),
            Actor = caller.Subject,
            ActorRole = caller.Role,
            ActorRegion = caller.Region.Value,
            StartedAt = now,
        };
        db.ImportBatches.Add(batch);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw RpcErrors.Aborted($"Batch {header.BatchId} was started by another call at the same moment; send it again once that call ends.");
        }

        return batch;
    }

    private async Task FinishBatchAsync(ImportBatch batch, ImportHouseholdsResponse result, CancellationToken cancellationToken)
    {
        batch.FinishedAt = time.GetUtcNow().UtcDateTime;
        batch.Received = result.Received;
        batch.Bad = result.Bad;
        batch.ResultJson = JsonFormatter.Default.Format(result);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void AddBad(ImportHouseholdsResponse result, IReadOnlyList<BadHousehold> bad)
    {
        result.Bad += bad.Count;
        result.BadHouseholds.AddRange(bad.Take(MaxReportedBadHouseholds - result.BadHouseholds.Count));
    }

}

internal static partial class ImportLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Import batch {BatchId}: {Imported} imported, {AlreadyImported} already imported, {Bad} bad, {Villages} villages touched")]
    public static partial void Finished(ILogger logger, string batchId, long imported, long alreadyImported, long bad, int villages);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Import timings of the last {Households} households: lookup {Lookup:F2} s, insert {Insert:F2} s, save {Save:F2} s, commit {Commit:F2} s; checkpoints so far {Checkpoints} taking {CheckpointSeconds:F2} s")]
    public static partial void Timings(ILogger logger, long households, double lookup, double insert, double save, double commit, int checkpoints, double checkpointSeconds);
}
