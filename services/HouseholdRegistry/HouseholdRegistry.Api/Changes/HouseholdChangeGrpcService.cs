using Grpc.Core;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.Messaging.ChangeFeed;
using Platform.Operations;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Changes;

/// <summary>The registry's change feed: departments follow registrations, member changes, incomes, exits and monitoring.</summary>
public sealed class HouseholdChangeGrpcService(RegistryDbContext db, ChangeHead head, PersonalDataProtector protector) : HouseholdChangeService.HouseholdChangeServiceBase
{
    [Allow(Roles.Readers, "follow household changes")]
    public override async Task WatchChanges(WatchChangesRequest request, IServerStreamWriter<WatchChangesResponse> responseStream, ServerCallContext context)
    {
        var (region, after) = ChangeFeedCalls.ReadRequest(context, request.RegionCode, request.AfterCursor, request.FromNow);
        var mapping = new ChangeMapping(db, protector, context.GetCaller().HasPersonalDataScope);
        await ChangeFeedCalls.WatchAsync(db, head, context, region, after, RegistryChanges.Named(request.Kinds), async rows =>
        {
            foreach (var change in await mapping.ToMessagesAsync(rows, context.CancellationToken))
            {
                await responseStream.WriteAsync(new WatchChangesResponse { Change = change }, context.CancellationToken);
            }
        });
    }

    [Allow(Roles.Readers, "read household changes")]
    public override async Task<ListChangesResponse> ListChanges(ListChangesRequest request, ServerCallContext context)
    {
        var (region, after) = ChangeFeedCalls.ReadRequest(context, request.RegionCode, request.AfterCursor, request.FromNow);
        var page = await ChangeFeedCalls.ListAsync(db, context, region, after, RegistryChanges.Named(request.Kinds), request.PageSize);
        var mapping = new ChangeMapping(db, protector, context.GetCaller().HasPersonalDataScope);
        return new ListChangesResponse
        {
            Changes = { await mapping.ToMessagesAsync(page.Changes, context.CancellationToken) },
            NextCursor = ChangeFeedCalls.Cursor(page.NextCursor),
            CaughtUp = page.CaughtUp,
        };
    }
}
