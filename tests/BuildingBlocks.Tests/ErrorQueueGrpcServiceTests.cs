using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
    private readonly string _signingKey = DevTokenIssuer.NewKey();
    private MessagingTestDatabase _database = null!;
    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;

    private ErrorQueueService.ErrorQueueServiceClient Client => new(_channel);

    public async Task InitializeAsync()
    {
        _database = await MessagingTestDatabase.CreateAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Auth:SigningKey"] = _signingKey;
        // Nothing listens on port 1: the broker is unreachable.
        builder.Configuration[$"ConnectionStrings:{MessagingSetup.BrokerConnectionName}"] = "amqp://guest:guest@127.0.0.1:1/";
        builder.AddPlatformGrpc();
        builder.Services.AddDbContext<MessagingTestDbContext>(o => _database.Configure(o));
        builder.AddPlatformMessaging<MessagingTestDbContext>();
        builder.Services.RemoveAll<IHostedService>();
        _app = builder.Build();
        _app.UsePlatformSecurity();
        _app.MapGrpcService<ErrorQueueGrpcService>();
        await _app.StartAsync();
        _app.Services.GetRequiredService<ConsumerQueues>().Add("assistance-household-registered");
        var server = _app.GetTestServer();
        _channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private CallOptions As(string role, string region) => new(
        new Metadata
        {
            { "authorization", "Bearer " + new DevTokenIssuer(new JwtOptions { SigningKey = _signingKey }).Issue(role, region, $"{role}-1") },
            { CallContextExtensions.PurposeHeader, "error queue check" },
        },
        DateTime.UtcNow.AddSeconds(30));

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
        Assert.Equal(0, await _database.QueryAsync(db => db.AuditRecords.CountAsync(a => a.Action == "error-queue.redrive")));
    }
}
