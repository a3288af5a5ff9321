using System.Text.Json;
using Grpc.Core;
using Pa.Assistance.V1;
using Platform.Assistance.Contracts;
using Platform.Assistance.Data;
using Platform.Messaging.ChangeFeed;
using Platform.Operations;
using Platform.ServiceDefaults;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Platform.Assistance.Changes;

/// <summary>The assistance service's change feed: each household's guarantee status as it changes.</summary>
public sealed class GuaranteeChangeGrpcService(AssistanceDbContext db, ChangeHead head) : GuaranteeChangeService.GuaranteeChangeServiceBase
{
    /// <summary>The one event followed: a household's five guarantees as assessed after a change.</summary>
    internal static readonly ChangeSources Sources = new ChangeSources()
        .Follow<GuaranteeStatusChanged>(e => e.RegionCode, e => e.HouseholdId);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Allow(Roles.Readers, "follow guarantee changes")]
    public override async Task WatchChanges(WatchChangesRequest request, IServerStreamWriter<WatchChangesResponse> responseStream, ServerCallContext context)
    {
        var (region, after) = ChangeFeedCalls.ReadRequest(context, request.RegionCode, request.AfterCursor, request.FromNow);
        await ChangeFeedCalls.WatchAsync(db, head, context, region, after, [], async rows =>
        {
            foreach (var row in rows)
            {
                await responseStream.WriteAsync(new WatchChangesResponse { Change = ToMessage(row) }, context.CancellationToken);
            }
        });
    }

    [Allow(Roles.Readers, "read guarantee changes")]
    public override async Task<ListChangesResponse> ListChanges(ListChangesRequest request, ServerCallContext context)
    {
        var (region, after) = ChangeFeedCalls.ReadRequest(context, request.RegionCode, request.AfterCursor, request.FromNow);
        var page = await ChangeFeedCalls.ListAsync(db, context, region, after, [], request.PageSize);
        return new ListChangesResponse
        {
            Changes = { page.Changes.Select(ToMessage) },
            NextCursor = ChangeFeedCalls.Cursor(page.NextCursor),
            CaughtUp = page.CaughtUp,
        };
    }

    private static GuaranteeChange ToMessage(ChangeRecord row)
    {
        var e = JsonSerializer.Deserialize<GuaranteeStatusChanged>(row.Body, Json)
            ?? throw new InvalidOperationException("An empty GuaranteeStatusChanged in the change log.");
        var states = new[] { e.FoodAndClothing, e.Education, e.Medical, e.Housing, e.Water }.Select(Enum.Parse<GuaranteeState>).ToArray();
        return new GuaranteeChange
        {
            Cursor = ChangeFeedCalls.Cursor(row),
            HouseholdId = e.HouseholdId.ToString(),
            RegionCode = e.RegionCode,
            ChangedAt = Timestamp.FromDateTime(e.ChangedAt),
            FoodAndClothing = states[0],
            Education = states[1],
            Medical = states[2],
            Housing = states[3],
            Water = states[4],
            AllMet = states.All(s => s == GuaranteeState.Met),
            Reasons = { e.Reasons },
        };
    }
}
