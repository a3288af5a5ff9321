using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.Messaging;
using Platform.Security;
using Platform.Testing;

namespace Platform.Benchmarks.Registry;

/// <summary>
/// The real registry service, hosted in this process on Kestrel at a loopback port (h2c), so the
/// benchmark's calls cross a real HTTP/2 socket as a remote client's would. The outbox relay is
/// taken out: with no broker it would only retry, and relaying is measured by the outbox benchmark.
/// </summary>
public sealed class RegistryServer : WebApplicationFactory<Program>
{
    private readonly RegistryDatabase _database;
    // In this process, so the service reads the issuer's keys through memory (TestAuthority.UseIn).
    private readonly TestAuthority _authority = new();
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Further configuration, such as a log level a benchmark wants to see.</param>
    public RegistryServer(RegistryDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        _database = database;
        _settings = settings ?? new Dictionary<string, string>();

        // WebApplicationFactory finds the service's content root through MvcTestingAppManifest.json in the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 });
    }

    public GrpcChannel Channel { get; }

    /// <summary>A provincial officer of Anhui: the migration caller, and a reader who sees every generated household.</summary>
    public Metadata ProvincialOfficer() => Officer(PlatformRoles.ProvincialOfficer, HouseholdGenerator.Province, personalData: false);

    /// <summary>An officer of Huoqiu, the county of every generated household, with the personal-data scope.</summary>
    public Metadata CountyOfficer() => Officer(PlatformRoles.CountyOfficer, HouseholdGenerator.County, personalData: true);

    /// <summary>A platform operator of Anhui: the caller of operator actions such as seeding the demo county.</summary>
    public Metadata Operator() => Officer(PlatformRoles.Operator, HouseholdGenerator.Province, personalData: false);

    /// <summary>
    /// Adds the generator's townships and villages the registry does not hold yet to its region
    /// table, as the demo seeder adds its county: the registry files households only in known villages.
    /// </summary>
    public async Task RegisterRegionsAsync(CancellationToken cancellationToken)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var known = (await db.Regions.Select(r => r.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        db.Regions.AddRange(HouseholdGenerator.Regions().Where(r => !known.Contains(r.Code)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the generator's villages, then imports the first <paramref name="households"/> generated households as the provincial officer.</summary>
    public async Task<(ImportHouseholdsResponse Result, TimeSpan Elapsed)> ImportAsync(int households, CancellationToken cancellationToken)
    {
        await RegisterRegionsAsync(cancellationToken);
        return await ImportRun.RunAsync(Channel, ProvincialOfficer(), households, cancellationToken);
    }

    private Metadata Officer(string role, string region, bool personalData)
    {
        var token = _authority.Issue(role, region, "benchmark", personalData: personalData);
        return new Metadata { { "authorization", $"Bearer {token}" } };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in TestAuthority.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("PersonalData:EncryptionKey", _database.Keys.EncryptionKey);
        builder.UseSetting("PersonalData:LookupKey", _database.Keys.LookupKey);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Grpc:MaxStreamingCallDuration", "02:00:00");
        builder.UseSetting("ConnectionStrings:registry-db", $"Data Source={_database.Path}");
        builder.UseSetting("ConnectionStrings:broker", "amqp://guest:guest@127.0.0.1:1/");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:MassTransit", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks", "None");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            _authority.UseIn(services);
            var relay = services.Single(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationFactory?.Method.ReturnType == typeof(OutboxRelay<RegistryDbContext>));
            services.Remove(relay);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await base.DisposeAsync();
    }
}
