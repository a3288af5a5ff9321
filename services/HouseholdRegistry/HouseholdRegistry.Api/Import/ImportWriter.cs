using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Statistics;
using Platform.Messaging;
using Platform.Messaging.ChangeFeed;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using Household = Platform.HouseholdRegistry.Households.Household;
using Member = Platform.HouseholdRegistry.Households.Member;

namespace Platform.HouseholdRegistry.Import;

/// <summary>
/// The database side of an import: one transaction per chunk, rows written with reused INSERT
/// commands on the context's own connection (EF change tracking is far too slow for a million
/// households), and the chunk's audit record and batch progress saved through EF in the same
/// transaction, so a chunk is written whole or not at all.
/// </summary>
internal sealed class ImportWriter : IDisposable
{
    /// <summary>Hashes per duplicate lookup: well under SQL Server's 2,100 parameters.</summary>
    private const int LookupGroupSize = 500;

    private readonly RegistryDbContext _db;
    private readonly ImportBatch _batch;
    private readonly PreparedInsert<Household> _households;
    private readonly PreparedInsert<Member> _members;
    private readonly PreparedInsert<OutboxMessage> _outbox;
    private readonly PreparedInsert<ChangeRecord> _changes;

    /// <summary>An earlier call of this batch wrote households, so each chunk first looks for those of its positions.</summary>
    private readonly bool _resumed;

    /// <summary>
    /// On SQLite the unique index on active members' hashes is the duplicate check itself: a refused
    /// member insert fails only its statement, and the household's rows are taken out again. Looking
    /// the hashes up first read the same random index pages a second time, a fifth of the import's
    /// time. PostgreSQL would abort the whole transaction on the first refusal, so other providers look first.
    /// </summary>
    private readonly bool _indexChecks;

    public ImportWriter(RegistryDbContext db, ImportBatch batch)
    {
        _db = db;
        _batch = batch;
        _resumed = batch.Imported > 0;
        _indexChecks = db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        _households = new PreparedInsert<Household>(db, connection, nameof(Household.Seq));
        _members = new PreparedInsert<Member>(db, connection, null);
        _outbox = new PreparedInsert<OutboxMessage>(db, connection, null, nameof(OutboxMessage.Id));
        _changes = new PreparedInsert<ChangeRecord>(db, connection, null, nameof(ChangeRecord.Id));
    }

    public HashSet<string> TouchedVillages { get; } = new(StringComparer.Ordinal);

    public long Imported { get; private set; }

    public long AlreadyImported { get; private set; }

    public ImportTimings Timings { get; } = new();

    /// <summary>Writes one chunk and answers the households the database check found bad.</summary>
    public async Task<IReadOnlyList<BadHousehold>> WriteAsync(PreparedChunk chunk, Caller caller, string purpose, DateTime now, CancellationToken cancellationToken)
    {
        // SQL Server's retrying strategy replays the whole chunk transaction after a transient failure; SQLite runs it once.
        var importedBefore = _batch.Imported;
        var written = await _db.Database.CreateExecutionStrategy().ExecuteAsync(
            () => WriteOnceAsync(chunk, importedBefore, caller, purpose, now, cancellationToken));

        Imported += written.Imported;
        AlreadyImported += written.Skipped;
        TouchedVillages.UnionWith(written.Villages);
        return written.Bad;
    }

    private async Task<ChunkWritten> WriteOnceAsync(PreparedChunk chunk, long importedBefore, Caller caller, string purpose, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var written = await WrittenPositionsAsync(chunk, cancellationToken);
            var pending = chunk.Households.Where(h => !written.Contains(h.Position)).ToList();
            Timings.Start();
            HashSet<string> taken = _indexChecks ? [] : await ActiveHashesAsync(pending.SelectMany(h => h.Hashes).ToList(), cancellationToken);
            Timings.Lookup();

            var dbTransaction = transaction.GetDbTransaction();
            _households.Transaction = dbTransaction;
            _members.Transaction = dbTransaction;
            _outbox.Transaction = dbTransaction;
            _changes.Transaction = dbTransaction;
            var bad = new List<BadHousehold>();
            var villages = new HashSet<string>(StringComparer.Ordinal);
            var inserted = new List<Household>();
            foreach (var prepared in pending)
            {
                var violations = new FieldViolations();
                for (var i = 0; i < prepared.Hashes.Count; i++)
                {
                    violations.Check(!taken.Contains(prepared.Hashes[i]), $"application.members[{i}].national_id", "is already an active member of another household");
                }

                if (!violations.Any && await InsertAsync(prepared, cancellationToken) is var refused and >= 0)
                {
                    await RefusedAsync(prepared, refused, violations, cancellationToken);
                }

                if (violations.Any)
                {
                    bad.Add(ImportPreparation.Bad(prepared.Position, violations));
                    continue;
                }

                villages.Add(prepared.Household.RegionCode);
                inserted.Add(prepared.Household);
            }

            var imported = inserted.Count;
            Timings.Insert();
            await RegionTallyMaintenance.AddInsertedAsync(_db, inserted, cancellationToken);

            _batch.Imported = importedBefore + imported;
            _db.Record(caller, "household.import", "import-batch", _batch.BatchId, purpose, now, CallContextExtensions.TraceId);
            await _db.SaveChangesAsync(cancellationToken);
            Timings.Save();
            await transaction.CommitAsync(cancellationToken);
            Timings.Commit(imported);
            return new ChunkWritten(imported, written.Count, bad, villages);
        }
        finally
        {
            // Saved or rolled back, the chunk's audit record is done with; a replayed chunk adds its own.
            foreach (var entry in _db.ChangeTracker.Entries<AuditRecord>().ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    /// <summary>Writes the household, its members and its events; answers the member the index refused (SQLite only), or -1.</summary>
    private async Task<int> InsertAsync(PreparedHousehold prepared, CancellationToken cancellationToken)
    {
        var household = prepared.Household;
        household.Seq = await _households.InsertReturningKeyAsync(household, cancellationToken);
        for (var i = 0; i < household.Members.Count; i++)
        {
            var member = household.Members[i];
            member.HouseholdSeq = household.Seq;
            try
            {
                await _members.InsertAsync(member, cancellationToken);
            }
            catch (SqliteException ex) when (_indexChecks && IsActiveIdRefusal(ex))
            {
                return i;
            }
        }

        foreach (var message in prepared.Events)
        {
            await _outbox.InsertAsync(message, cancellationToken);
        }

        // Written here, not by the SaveChanges interceptor: these rows bypass the change tracker.
        foreach (var change in _db.ChangeSources.ChangesFor(prepared.Events))
        {
            await _changes.InsertAsync(change, cancellationToken);
            ChangeLogInterceptor.Wrote(_db);
        }

        return -1;
    }

    /// <summary>
    /// A household the index refused: its rows written so far are taken out, and every member
    /// another household holds is named, as the look-up first would have.
    /// </summary>
    private async Task RefusedAsync(PreparedHousehold prepared, int refused, FieldViolations violations, CancellationToken cancellationToken)
    {
        var seq = prepared.Household.Seq;
        await _db.Database.ExecuteSqlAsync($"DELETE FROM \"Members\" WHERE \"HouseholdSeq\" = {seq}", cancellationToken);
        await _db.Database.ExecuteSqlAsync($"DELETE FROM \"Households\" WHERE \"Seq\" = {seq}", cancellationToken);
        var taken = await ActiveHashesAsync([.. prepared.Hashes], cancellationToken);
        for (var i = 0; i < prepared.Hashes.Count; i++)
        {
            violations.Check(!taken.Contains(prepared.Hashes[i]) && i != refused, $"application.members[{i}].national_id", "is already an active member of another household");
        }
    }

    /// <summary>SQLite's words for a second active member with the same national ID (IX_Members_ActiveNationalId).</summary>
    private static bool IsActiveIdRefusal(SqliteException ex) =>
        ex.SqliteExtendedErrorCode == 2067 && ex.Message.Contains("Members.NationalIdHash", StringComparison.Ordinal);

    public void Dispose()
    {
        _households.Dispose();
        _members.Dispose();
        _outbox.Dispose();
        _changes.Dispose();
    }

    /// <summary>Positions of this chunk an earlier, interrupted call of the batch already wrote.</summary>
    private async Task<HashSet<long>> WrittenPositionsAsync(PreparedChunk chunk, CancellationToken cancellationToken)
    {
        if (!_resumed)
        {
            return [];
        }

        var batchId = _batch.BatchId;
        var positions = await _db.Households
            .Where(h => h.ImportBatchId == batchId && h.ImportPosition >= chunk.FirstPosition && h.ImportPosition <= chunk.LastPosition)
            .Select(h => h.ImportPosition!.Value)
            .ToListAsync(cancellationToken);
        return [.. positions];
    }

    /// <summary>Which of these national ID hashes already belong to an active member, earlier chunks of this batch included.</summary>
    private async Task<HashSet<string>> ActiveHashesAsync(List<string> hashes, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in hashes.Chunk(LookupGroupSize))
        {
            taken.UnionWith(await _db.Members.Where(m => m.IsActive && group.Contains(m.NationalIdHash))
                .Select(m => m.NationalIdHash).ToListAsync(cancellationToken));
        }

        return taken;
    }

    private sealed record ChunkWritten(int Imported, int Skipped, List<BadHousehold> Bad, HashSet<string> Villages);
}
