using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Import;
using Platform.HouseholdRegistry.Statistics;
using Platform.Messaging;
using Platform.Messaging.ChangeFeed;
using Platform.Persistence;
using Case = Platform.HouseholdRegistry.Identification.Case;
using CaseStep = Platform.HouseholdRegistry.Identification.CaseStep;
using Helper = Platform.HouseholdRegistry.Helpers.Helper;
using HelperPairing = Platform.HouseholdRegistry.Helpers.HelperPairing;
using Household = Platform.HouseholdRegistry.Households.Household;
using Member = Platform.HouseholdRegistry.Households.Member;
using Notice = Platform.HouseholdRegistry.Identification.Notice;

namespace Platform.HouseholdRegistry.Demo;

/// <summary>
/// Writes a chunk of demo rows inside the caller's transaction. On SQLite and PostgreSQL the rows
/// go in with the import's reused INSERT commands (rows whose generated key the children need:
/// households, cases, notices) and multi-row <see cref="BulkRows{T}"/> commands (the rest), and the
/// region tallies get the increments a tracked insert would have made; EF's SaveChanges, one
/// command per row with change tracking, took four fifths of the seed. Other providers (SQL Server)
/// hand the rows to EF, whose SaveChanges then writes them as it always did.
/// </summary>
internal sealed class DemoWriter : IDisposable
{
    private readonly RegistryDbContext _db;
    private readonly Bulk? _bulk;

    public DemoWriter(RegistryDbContext db)
    {
        _db = db;
        _bulk = BulkRows<Member>.Supports(db) ? new Bulk(db) : null;
    }

    public async Task WriteAsync(IReadOnlyList<DemoRows> rows, CancellationToken ct)
    {
        if (_bulk is null)
        {
            AddToContext(rows);
            return;
        }

        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Demo rows are written inside the caller's transaction, with the chunk's audit record.");
        _bulk.Households.Transaction = transaction;
        _bulk.Cases.Transaction = transaction;
        _bulk.Notices.Transaction = transaction;

        // Parents first, in plan order, each child given its parent's key as soon as it is known.
        foreach (var row in rows)
        {
            var household = row.Household;
            household.Seq = await _bulk.Households.InsertReturningKeyAsync(household, ct);
            foreach (var member in household.Members)
            {
                member.HouseholdSeq = household.Seq;
            }
        }

        await _bulk.Members.WriteAsync([.. rows.SelectMany(r => r.Household.Members)], ct);
        foreach (var @case in rows.SelectMany(r => r.Cases))
        {
            @case.HouseholdSeq = @case.Household.Seq;
            @case.Seq = await _bulk.Cases.InsertReturningKeyAsync(@case, ct);
            foreach (var step in @case.Steps)
            {
                step.CaseSeq = @case.Seq;
            }

            foreach (var notice in @case.Notices)
            {
                notice.CaseSeq = @case.Seq;
                notice.Seq = await _bulk.Notices.InsertReturningKeyAsync(notice, ct);
            }
        }

        await _bulk.Steps.WriteAsync([.. rows.SelectMany(r => r.Cases).SelectMany(c => c.Steps)], ct);
        await _bulk.Helpers.WriteAsync([.. rows.Where(r => r.Helper is not null).Select(r => r.Helper!)], ct);
        await _bulk.Pairings.WriteAsync([.. rows.Where(r => r.Pairing is not null).Select(r => r.Pairing!)], ct);
        await _bulk.Outbox.WriteAsync([.. rows.SelectMany(r => r.Events)], ct);
        await _bulk.Changes.WriteAsync(_db.ChangeSources.ChangesFor(rows.SelectMany(r => r.Events)), ct);
        ChangeLogInterceptor.Wrote(_db);
        await RegionTallyMaintenance.AddInsertedAsync(_db, rows.Select(r => r.Household), ct);
    }

    /// <summary>The EF path: tracked as the seeder always added them, written by the caller's SaveChanges.</summary>
    private void AddToContext(IReadOnlyList<DemoRows> rows)
    {
        foreach (var row in rows)
        {
            _db.Households.Add(row.Household);
            _db.Cases.AddRange(row.Cases);
            if (row.Helper is not null)
            {
                _db.Helpers.Add(row.Helper);
            }

            if (row.Pairing is not null)
            {
                _db.HelperPairings.Add(row.Pairing);
            }

            _db.OutboxMessages.AddRange(row.Events);
        }
    }

    public void Dispose()
    {
        _bulk?.Households.Dispose();
        _bulk?.Cases.Dispose();
        _bulk?.Notices.Dispose();
    }

    /// <summary>The commands, built once from the EF model and reused for every chunk.</summary>
    private sealed class Bulk(RegistryDbContext db)
    {
        public PreparedInsert<Household> Households { get; } = new(db, db.Database.GetDbConnection(), nameof(Household.Seq));

        public PreparedInsert<Case> Cases { get; } = new(db, db.Database.GetDbConnection(), nameof(Case.Seq));

        public PreparedInsert<Notice> Notices { get; } = new(db, db.Database.GetDbConnection(), nameof(Notice.Seq));

        public BulkRows<Member> Members { get; } = new(db, upsert: false);

        public BulkRows<CaseStep> Steps { get; } = new(db, upsert: false, nameof(CaseStep.Id));

        public BulkRows<Helper> Helpers { get; } = new(db, upsert: false, nameof(Helper.Seq));

        public BulkRows<HelperPairing> Pairings { get; } = new(db, upsert: false, nameof(HelperPairing.Id));

        public BulkRows<OutboxMessage> Outbox { get; } = new(db, upsert: false, nameof(OutboxMessage.Id));

        public BulkRows<ChangeRecord> Changes { get; } = new(db, upsert: false, nameof(ChangeRecord.Id));
    }
}
