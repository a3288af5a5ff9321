using Grpc.Core;
using Platform.Messaging;
using Platform.Security;
using Platform.ServiceDefaults;
using V1 = Pa.Operations.V1;

namespace Platform.Operations;

/// <summary>
/// The service's own error queues for operators (pa.operations.v1.ErrorQueueService): their depths,
/// and the re-drive once the cause is fixed. The work and its audit records are in <see cref="IErrorQueueOperations"/>.
/// </summary>
public sealed class ErrorQueueGrpcService(IErrorQueueOperations errorQueues) : V1.ErrorQueueService.ErrorQueueServiceBase
{
    [Allow(Roles.Operator, "read the error queues")]
    public override async Task<V1.ListErrorQueuesResponse> ListErrorQueues(V1.ListErrorQueuesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var depths = await Unavailable(() => errorQueues.DepthsAsync(caller, context.AccessPurpose(), context.CancellationToken));
        var response = new V1.ListErrorQueuesResponse();
        response.Queues.AddRange(depths.Select(d => new V1.ErrorQueue { Queue = d.Key, Depth = d.Value }));
        return response;
    }

    [Allow(Roles.Operator, "re-drive the error queues")]
    public override async Task<V1.RedriveErrorQueuesResponse> RedriveErrorQueues(V1.RedriveErrorQueuesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var moved = await Unavailable(() => errorQueues.RedriveAsync(caller, context.AccessPurpose(), context.CancellationToken));
        var response = new V1.RedriveErrorQueuesResponse();
        response.Redriven.AddRange(moved.GroupBy(m => m.Queue).Select(g => new V1.ErrorQueue { Queue = g.Key, Depth = g.Count() }));
        return response;
    }

    /// <summary>A broker that cannot be reached is the caller's to retry later, not an internal error.</summary>
    private static async Task<T> Unavailable<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.AlreadyClosedException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"The broker cannot be reached: {ex.Message}"));
        }
    }
}
