using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Assistance.V1;
using Platform.Assistance.Data;
using Platform.Assistance.Guarantees;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Assistance.Exchange;

/// <summary>
/// Runs one department stream (数据比对): checks the caller may push this kind, returns the first
/// report for a batch id seen before, checks each row, applies good rows in chunks — each chunk's
/// records, the reassessed guarantees and their events in one transaction — and reports bad rows by
/// position and reason without refusing the good ones.
/// </summary>
public sealed class DepartmentImporter(AssistanceDbContext db, GuaranteeAssessor assessor, TimeProvider time, AssistanceMetrics metrics)
{
    public const int ChunkSize = 1_000;
    public const int MaxProblems = 1_000;

    public async Task<DepartmentImportReport> ImportAsync<TRequest, TRow>(
        IAsyncStreamReader<TRequest> stream,
        ServerCallContext context,
        IDepartmentRows<TRow> area,
        Func<TRequest, DepartmentBatchHeader?> headerOf,
        Func<TRequest, TRow?> rowOf)
        where TRow : class, IMessage
    {
        var caller = context.GetCaller();
        RequireDepartment(caller, area.Kind);
        var ct = context.CancellationToken;

        var header = await stream.MoveNext(ct) ? headerOf(stream.Current) : null;
        var violations = new FieldViolations();
        violations.Check(header is not null, "header", "the first message must be the batch header");
        // Lengths are in exchange.proto; an id of spaces passes them but names no batch.
        violations.Check(header is null || header.BatchId.Trim().Length > 0, "header.batch_id", "must not be blank");
        violations.ThrowIfAny();
        var batchId = header!.BatchId.Trim();

        if (await StoredReportAsync(area.Kind, batchId, ct) is { } earlier)
        {
            while (await stream.MoveNext(ct))
            {
                // Drained unread: the batch was applied when it was first received.
            }

            return earlier;
        }

        var report = new DepartmentImportReport { BatchId = batchId };
        var chunk = new List<DepartmentRow<TRow>>(ChunkSize);
        var reassessed = new HashSet<Guid>();
        var position = 0;
        while (await stream.MoveNext(ct))
        {
            position++;
            var row = new DepartmentRow<TRow>(position, rowOf(stream.Current)!);
            if (rowOf(stream.Current) is null)
            {
                row.Reject("header", "only the first message may be a header");
            }
            else
            {
                // A row's contract rules first, as a call's are checked before its handler (the stream
                // message leaves its row to this check, so a bad row is reported by position); the area's own only when they pass.
                var problems = RequestValidator.Shared.Check(row.Row);
                if (!problems.Any)
                {
                    area.Validate(row.Row, problems);
                }

                foreach (var problem in problems.Items.Skip(1))
                {
                    AddProblem(report, position, problem.Field, problem.Description);
                }

                if (problems.Any)
                {
                    row.Reject(problems.Items[0].Field, problems.Items[0].Description);
                }
            }

            chunk.Add(row);
            if (chunk.Count == ChunkSize)
            {
                await ApplyChunkAsync(area, caller, chunk, report, reassessed, ct);
                chunk.Clear();
            }
        }

        await ApplyChunkAsync(area, caller, chunk, report, reassessed, ct);
        report.RowsReceived = position;
        report.HouseholdsReassessed = reassessed.Count;
        return await SaveBatchAsync(area.Kind, header, caller, report, context, ct);
    }

    /// <summary>
    /// A whole batch sent in one request (HTTP/JSON has no client streams): read as the stream of
    /// its header and then its rows, so it gets the same checks, chunks and report.
    /// </summary>
    public Task<DepartmentImportReport> ImportAsync<TRow>(DepartmentBatchHeader header, IEnumerable<TRow> rows, ServerCallContext context, IDepartmentRows<TRow> area)
        where TRow : class, IMessage =>
        ImportAsync(new BatchReader<TRow>(header, rows), context, area, m => m.Header, m => m.Row);

    private static void RequireDepartment(Caller caller, DepartmentKind kind)
    {
        var scope = PlatformClaims.DepartmentScope(kind.ToString().ToLowerInvariant());
        // [Allow] admitted department clients only; which department's records this is, the scope says.
        if (!caller.Scopes.Contains(scope))
        {
            throw RpcErrors.PermissionDenied($"Only a department client with the scope \"{scope}\" may push {kind.ToString().ToLowerInvariant()} records.");
        }
    }

    private async Task ApplyChunkAsync<TRow>(IDepartmentRows<TRow> area, Caller caller, List<DepartmentRow<TRow>> chunk, DepartmentImportReport report, HashSet<Guid> reassessed, CancellationToken ct)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        var valid = chunk.Where(r => r.Outcome == RowOutcome.Pending).ToList();
        if (valid.Count > 0)
        {
            await area.ApplyAsync(db, caller, valid, ct);
        }

        var touched = chunk.Where(r => r.Outcome == RowOutcome.Applied).Select(r => r.HouseholdId!.Value).ToHashSet();
        report.StatusesChanged += await db.SaveAndReassessAsync(assessor, touched, ct, bulk: true, writeFirst: token => area.WriteAddedAsync(db, token));
        db.ChangeTracker.Clear();
        reassessed.UnionWith(touched);

        foreach (var row in chunk)
        {
            switch (row.Outcome)
            {
                case RowOutcome.Applied: report.RowsApplied++; break;
                case RowOutcome.Unchanged: report.RowsUnchanged++; break;
                default:
                    report.RowsRejected++;
                    AddProblem(report, row.Position, row.Field, row.Outcome == RowOutcome.Rejected ? row.Reason : "the area did not apply the row");
                    break;
            }
        }

        var kind = area.Kind.ToString();
        metrics.DepartmentRows(kind, "applied", chunk.Count(r => r.Outcome == RowOutcome.Applied));
        metrics.DepartmentRows(kind, "unchanged", chunk.Count(r => r.Outcome == RowOutcome.Unchanged));
        metrics.DepartmentRows(kind, "rejected", chunk.Count(r => r.Outcome is RowOutcome.Rejected or RowOutcome.Pending));
    }

    private static void AddProblem(DepartmentImportReport report, int position, string field, string reason)
    {
        if (report.Problems.Count < MaxProblems)
        {
            report.Problems.Add(new DepartmentRowProblem { Position = position, Field = field, Reason = reason });
        }
    }

    private async Task<DepartmentImportReport?> StoredReportAsync(DepartmentKind kind, string batchId, CancellationToken ct)
    {
        var batch = await db.Set<DepartmentBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Kind == kind && b.BatchId == batchId, ct);
        if (batch is null)
        {
            return null;
        }

        var report = DepartmentImportReport.Parser.ParseJson(batch.ReportJson);
        report.Replayed = true;
        return report;
    }

    private async Task<DepartmentImportReport> SaveBatchAsync(DepartmentKind kind, DepartmentBatchHeader header, Caller caller, DepartmentImportReport report, ServerCallContext context, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.Set<DepartmentBatch>().Add(new DepartmentBatch
        {
            Kind = kind,
            BatchId = report.BatchId,
            SourceSystem = header.SourceSystem,
            SubmittedBy = caller.Subject,
            ReceivedAt = now,
            ReportJson = JsonFormatter.Default.Format(report),
        });
        db.Audit(context, $"department.{kind.ToString().ToLowerInvariant()}.push", nameof(DepartmentBatch), report.BatchId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same batch id was pushed concurrently and saved first; its rows and ours are the same records by key.
            db.ChangeTracker.Clear();
            return await StoredReportAsync(kind, report.BatchId, ct) ?? throw new RpcException(new Status(StatusCode.Aborted, "The batch could not be recorded; send it again."));
        }

        return report;
    }
}

/// <summary>One message of a batch read as a stream: the header, or a row.</summary>
internal sealed record BatchMessage<TRow>(DepartmentBatchHeader? Header, TRow? Row);

/// <summary>A batch already in memory, handed out as the import reads a client stream.</summary>
internal sealed class BatchReader<TRow>(DepartmentBatchHeader header, IEnumerable<TRow> rows) : IAsyncStreamReader<BatchMessage<TRow>>
{
    private readonly IEnumerator<BatchMessage<TRow>> _messages =
        rows.Select(r => new BatchMessage<TRow>(null, r)).Prepend(new BatchMessage<TRow>(header, default)).GetEnumerator();

    public BatchMessage<TRow> Current => _messages.Current;

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_messages.MoveNext());
    }
}
