using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Messaging;
using Platform.Security;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.BuildingBlocks.Tests;

/// <summary>
/// One operations gRPC service (outbox, error queues) mapped as a platform service maps it: the
/// platform's gRPC pipeline and token validation, messaging on a test database, and a broker address
/// where nothing listens (port 1). Each test class says what else its service needs.
/// </summary>
public sealed class OperationsTestHost : IAsyncDisposable
{
    private readonly TestAuthority _authority = new();
    private WebApplication _app = null!;

    public MessagingTestDatabase Database { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public static async Task<OperationsTestHost> StartAsync<TService>(Action<WebApplicationBuilder> configure)
        where TService : class
    {
        var host = new OperationsTestHost { Database = await MessagingTestDatabase.CreateAsync() };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(TestAuthority.Settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        host._authority.UseIn(builder.Services);
        builder.Configuration[$"ConnectionStrings:{MessagingSetup.BrokerConnectionName}"] = "amqp://guest:guest@127.0.0.1:1/";
        builder.AddPlatformGrpc();
        builder.Services.AddDbContext<MessagingTestDbContext>((sp, o) => host.Database.Configure(o).AddInterceptors(sp.GetServices<IInterceptor>()));
        builder.AddPlatformMessaging<MessagingTestDbContext>();
        configure(builder);
        host._app = builder.Build();
        host._app.UsePlatformSecurity();
        host._app.MapGrpcService<TService>();
        await host._app.StartAsync();
        var server = host._app.GetTestServer();
        host.Channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        return host;
    }

    /// <summary>A call as <paramref name="role"/> of <paramref name="region"/>, stating <paramref name="purpose"/>.</summary>
    public CallOptions As(string role, string region, string purpose) => new(
        new Metadata
        {
            { "authorization", "Bearer " + _authority.Issue(role, region, $"{role}-1") },
            { CallContextExtensions.PurposeHeader, purpose },
        },
        DateTime.UtcNow.AddSeconds(30));

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
    }
}
