using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Screening;

/// <summary>
/// Imports one upload of a civil-affairs roll. The batch is one transaction: rows are validated as
/// they arrive and flushed in chunks inside it, so memory stays bounded by a chunk while a failed or
/// cancelled upload leaves nothing behind and can simply be sent again under the same batch id.
/// </summary>
internal sealed class RollImport(RegistryDbContext db, PersonalDataProtector protector, TimeProvider time, ILogger logger)
{
    private const int ChunkSize = 500;
    private const string EntityType = "assistance-roll-batch";

    public async Task<ImportAssistanceRollResponse> RunAsync(IAsyncStreamReader<ImportAssistanceRollRequest> requests, Caller caller, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var first = await requests.MoveNext(cancellationToken) ? requests.Current : null;
        var violations = new FieldViolations();
        var header = RollRules.ValidateHeader(first?.MessageCase == ImportAssistanceRollRequest.MessageOneofCase.Header ? first.Header : null, today, violations);
        violations.ThrowIfAny();
        if (!caller.CanSee(header!.County) || !await db.Regions.AnyAsync(r => r.Code == header.County.Value, cancellationToken))
        {
            throw RpcErrors.NotFound($"County {header.County}");
        }

        ImportAssistanceRollResponse result;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await db.AssistanceRollBatches.AsNoTracking().FirstOrDefaultAsync(b => b.BatchId == header.BatchId, cancellationToken) is { } earlier)
            {
                await transaction.RollbackAsync(cancellationToken);
                return await RepeatAsync(earlier, header, requests, cancellationToken);
            }

            var latest = await db.AssistanceRollBatches.Where(b => b.Kind == header.Kind && b.CountyCode == header.County.Value)
                .MaxAsync(b => (DateOnly?)b.AsOf, cancellationToken);
            if (latest > header.AsOf)
            {
                throw RpcErrors.FailedPrecondition($"A batch of this roll for county {header.County} as of {latest:yyyy-MM-dd} is already imported; a batch as of {header.AsOf:yyyy-MM-dd} is older.");
            }

            result = await ImportRowsAsync(requests, header, caller, today, cancellationToken);
            db.AssistanceRollBatches.Add(new AssistanceRollBatch
            {
                BatchId = header.BatchId,
                Kind = header.Kind,
                CountyCode = header.County.Value,
                AsOf = header.AsOf,
                ImportedAt = now,
                ImportedBy = caller.Subject,
                ResultJson = JsonFormatter.Default.Format(result),
            });
            db.Audit(context, "roll.import", EntityType, header.BatchId);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same batch may have been committed by a concurrent upload; then its result stands.
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                if (await db.AssistanceRollBatches.AsNoTracking().FirstOrDefaultAsync(b => b.BatchId == header.BatchId, CancellationToken.None) is { } concurrent)
                {
                    return await RepeatAsync(concurrent, header, requests, cancellationToken);
                }

                throw;
            }
        }

        ScreeningLog.RollImported(logger, header.BatchId, header.Kind, header.County.Value, result.RowsImported, result.RowsRejected, result.EntriesEnded);
        return result;
    }

    private async Task<ImportAssistanceRollResponse> ImportRowsAsync(IAsyncStreamReader<ImportAssistanceRollRequest> requests, ValidRollHeader header, Caller caller, DateOnly today, CancellationToken cancellationToken)
    {
        var villages = await db.Regions.InRegion(r => r.Code, header.County).Where(r => r.Level == RegionLevel.Village)
            .Select(r => r.Code).ToListAsync(cancellationToken);
        var scope = new RollScope(caller, header.County, villages.ToHashSet(), today);
        var result = new ImportAssistanceRollResponse { BatchId = header.BatchId };
        var seenIds = new Dictionary<string, int>();
        var chunk = new List<ValidRollRow>(ChunkSize);
        var problems = new List<RollRowProblem>();
        while (await requests.MoveNext(cancellationToken))
        {
            if (requests.Current.MessageCase != ImportAssistanceRollRequest.MessageOneofCase.Row)
            {
                throw RpcErrors.InvalidArgument("row", $"message {result.RowsReceived + 2} must be a row: only the first message is the header");
            }

            var rowNumber = ++result.RowsReceived;
            problems.Clear();
            if (RollRules.ValidateRow(requests.Current.Row, rowNumber, scope, seenIds, problems) is not { } row)
            {
                result.RowsRejected++;
                result.Problems.AddRange(problems.Take(RollRules.MaxReportedProblems - result.Problems.Count));
                continue;
            }

            chunk.Add(row);
            if (chunk.Count == ChunkSize)
            {
                await UpsertAsync(chunk, header, cancellationToken);
            }
        }

        await UpsertAsync(chunk, header, cancellationToken);
        result.RowsImported = result.RowsReceived - result.RowsRejected;
        result.EntriesEnded = await db.AssistanceRollEntries
            .Where(e => e.Kind == header.Kind && e.CountyCode == header.County.Value && e.EndedOn == null && e.LastBatchId != header.BatchId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.EndedOn, header.AsOf), cancellationToken);
        return result;
    }

    /// <summary>Writes one chunk: a head already on this roll is updated (and listed again if ended), a new one added.</summary>
    private async Task UpsertAsync(List<ValidRollRow> chunk, ValidRollHeader header, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        var hashes = chunk.Select(r => protector.LookupHash(r.HeadId.Normalized)).ToList();
        var existing = await db.AssistanceRollEntries.Where(e => e.Kind == header.Kind && hashes.Contains(e.HeadNationalIdHash))
            .ToDictionaryAsync(e => e.HeadNationalIdHash, cancellationToken);
        for (var i = 0; i < chunk.Count; i++)
        {
            var row = chunk[i];
            if (!existing.TryGetValue(hashes[i], out var entry))
            {
                entry = new AssistanceRollEntry
                {
                    Id = Guid.CreateVersion7(),
                    Kind = header.Kind,
                    CountyCode = header.County.Value,
                    VillageCode = row.VillageCode,
                    HeadName = row.HeadName,
                    HeadNationalIdCipher = protector.Encrypt(row.HeadId.Normalized),
                    HeadNationalIdHash = hashes[i],
                    ListedSince = header.AsOf,
                    LastBatchId = header.BatchId,
                };
                db.AssistanceRollEntries.Add(entry);
            }
            else if (entry.EndedOn is not null)
            {
                entry.EndedOn = null;
                entry.ListedSince = header.AsOf;
            }

            entry.CountyCode = header.County.Value;
            entry.VillageCode = row.VillageCode;
            entry.HeadName = row.HeadName;
            entry.MemberCount = row.MemberCount;
            entry.PerCapitaIncomeFen = row.PerCapitaIncomeFen;
            entry.MonthlyAllowanceFen = row.MonthlyAllowanceFen;
            entry.AsOf = header.AsOf;
            entry.LastBatchId = header.BatchId;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        chunk.Clear();
    }

    /// <summary>A resent batch: the first result, provided it is the same roll, county and date; the rest of the upload is read and ignored.</summary>
    private static async Task<ImportAssistanceRollResponse> RepeatAsync(AssistanceRollBatch earlier, ValidRollHeader header, IAsyncStreamReader<ImportAssistanceRollRequest> requests, CancellationToken cancellationToken)
    {
        if (earlier.Kind != header.Kind || earlier.CountyCode != header.County.Value || earlier.AsOf != header.AsOf)
        {
            throw RpcErrors.FailedPrecondition($"Batch id {header.BatchId} was already used for another roll, county or date.");
        }

        while (await requests.MoveNext(cancellationToken))
        {
        }

        return ImportAssistanceRollResponse.Parser.ParseJson(earlier.ResultJson);
    }
}
