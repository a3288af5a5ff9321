using System.Globalization;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Messaging;
using Platform.Security;
using Platform.ServiceDefaults;
using V1 = Pa.Operations.V1;

namespace Platform.Operations;

/// <summary>
/// The service's own outbox for operators (pa.operations.v1.OutboxService): its problem rows, retry
/// and park. Every service maps it; the work and its audit records are in <see cref="IOutboxOperations"/>.
/// </summary>
public sealed class OutboxGrpcService(IOutboxOperations outbox) : V1.OutboxService.OutboxServiceBase
{
    /// <summary>row_ids' max_items in outbox.proto, which enforces it with the ids' sign.</summary>
    public const int MaxRowIds = 1_000;

    [Allow(Roles.Operator, "read the outbox's problem events")]
    public override async Task<V1.ListProblemEventsResponse> ListProblemEvents(V1.ListProblemEventsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var afterId = Paging.AfterSeq(page, violations, "page");

        violations.ThrowIfAny();
        var found = await outbox.ListProblemRowsAsync(page.Size + 1, afterId, caller, context.AccessPurpose(), context.CancellationToken);
        var response = new V1.ListProblemEventsResponse
        {
            Page = Paging.Response(found.Rows, page, found.Total, r => r.Id.ToString(CultureInfo.InvariantCulture)),
        };
        response.Events.AddRange(found.Rows.Take(page.Size).Select(ToProto));
        return response;
    }

    [Allow(Roles.Operator, "retry outbox events")]
    public override async Task<V1.RetryEventsResponse> RetryEvents(V1.RetryEventsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var rows = Selection(request.RowIds, request.All, "all");
        return new V1.RetryEventsResponse { Retried = await outbox.RetryAsync(rows, caller, context.AccessPurpose(), context.CancellationToken) };
    }

    [Allow(Roles.Operator, "park outbox events")]
    public override async Task<V1.ParkEventsResponse> ParkEvents(V1.ParkEventsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var rows = Selection(request.RowIds, request.AllUnpublishable, "all_unpublishable");
        return new V1.ParkEventsResponse { Parked = await outbox.ParkAsync(rows, caller, context.AccessPurpose(), context.CancellationToken) };
    }

    /// <summary>Either listed rows or "all", never both: an operator who meant a few rows must not touch every one.</summary>
    private static OutboxRowSelection Selection(RepeatedField<long> ids, bool all, string allField)
    {
        new FieldViolations()
            .Check(!all || ids.Count == 0, "row_ids", $"must be empty when {allField} is set")
            .Check(all || ids.Count > 0, "row_ids", $"must list rows unless {allField} is set")
            .ThrowIfAny();
        return all ? OutboxRowSelection.All : OutboxRowSelection.Of(ids);
    }

    private static V1.ProblemEvent ToProto(ProblemRow row) => new()
    {
        RowId = row.Id,
        MessageId = row.MessageId.ToString(),
        MessageType = row.MessageType,
        AggregateKey = row.AggregateKey,
        Attempts = row.Attempts,
        LastError = row.LastError ?? "",
        CreatedAt = Timestamp.FromDateTime(row.CreatedAt),
        NextAttemptAt = row.NextAttemptAt is { } next ? Timestamp.FromDateTime(next) : null,
        ParkedAt = row.ParkedAt is { } parked ? Timestamp.FromDateTime(parked) : null,
        Unpublishable = row.Unpublishable,
    };
}
