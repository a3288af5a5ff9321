using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Testing;

namespace Platform.Benchmarks.Assistance;

/// <summary>
/// A real platform service hosted in this process on Kestrel at a loopback port (h2c), so calls
/// cross a real HTTP/2 socket. Without a broker the outbox relay is taken out (it would only retry).
/// It trusts <see cref="TestAuthority"/>'s tokens, reading its keys through memory.
/// </summary>
public sealed class KestrelService<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly TestAuthority _authority;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly bool _withRelay;

    public KestrelService(TestAuthority authority, IReadOnlyDictionary<string, string> settings, bool withRelay)
    {
        _authority = authority;
        _settings = settings;
        _withRelay = withRelay;

        // WebApplicationFactory finds the service's content root through MvcTestingAppManifest.json in the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 });
    }

    public GrpcChannel Channel { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Grpc:MaxStreamingCallDuration", "02:00:00");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:MassTransit", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks", "None");
        if (Environment.GetEnvironmentVariable("BENCH_LOG_SQL") == "1")
        {
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        }

        foreach (var (key, value) in TestAuthority.Settings.Concat(_settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(_authority.UseIn);
        if (!_withRelay)
        {
            builder.ConfigureTestServices(services =>
            {
                var relays = services.Where(d => d.ServiceType == typeof(IHostedService)
                    && d.ImplementationFactory?.Method.ReturnType.Name.StartsWith("OutboxRelay", StringComparison.Ordinal) == true).ToList();
                foreach (var relay in relays)
                {
                    services.Remove(relay);
                }
            });
        }
    }

    public override async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await base.DisposeAsync();
    }
}
