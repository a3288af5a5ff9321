using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Pa.Operations.V1;
using Platform.Messaging;
using Platform.Operations;
using Platform.Security;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.BuildingBlocks.Tests;

/// <summary>
/// pa.operations.v1.ErrorQueueService as a service maps it: operators only, and a broker that cannot be
/// reached is Unavailable. Moving messages against a real broker is in Messaging.Tests' RedriveTests.
/// </summary>
public sealed class ErrorQueueGrpcServiceTests : IAsyncLifetime
{
    private OperationsTestHost _host = null!;

    private ErrorQueueService.ErrorQueueServiceClient Client => new(_host.Channel);

    public async Task InitializeAsync()
    {
        // The broker is unreachable; no background loop runs.
        _host = await OperationsTestHost.StartAsync<ErrorQueueGrpcService>(builder => builder.Services.RemoveAll<IHostedService>());
        _host.Services.GetRequiredService<ConsumerQueues>().Add("assistance-household-registered");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private CallOptions As(string role, string region) => _host.As(role, region, "error queue check");

    [Fact]
    public async Task Only_operators_may_read_or_re_drive_the_error_queues()
    {
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.ListErrorQueuesAsync(new ListErrorQueuesRequest(), As(PlatformRoles.ProvincialOfficer, "340000000000")));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, Client.RedriveErrorQueuesAsync(new RedriveErrorQueuesRequest(), As(PlatformRoles.CountyOfficer, "341522000000")));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, Client.RedriveErrorQueuesAsync(new RedriveErrorQueuesRequest(), deadline: DateTime.UtcNow.AddSeconds(30)));
    }

    [Fact]
    public async Task An_unreachable_broker_is_unavailable_and_nothing_is_recorded_as_re_driven()
    {
        var error = await RpcAssert.FailsAsync(StatusCode.Unavailable, Client.RedriveErrorQueuesAsync(new RedriveErrorQueuesRequest(), As(PlatformRoles.Operator, "340000000000")));

        Assert.Contains("broker", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await _host.Database.QueryAsync(db => db.AuditRecords.CountAsync(a => a.Action == "error-queue.redrive")));
    }
}
