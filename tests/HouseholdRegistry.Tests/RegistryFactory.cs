using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>
/// The registry in memory, with its own database (<see cref="TestDatabase"/>), signing key and personal-data keys. The broker
/// address is unreachable on purpose: requests only write the outbox table, never the broker.
/// </summary>
public sealed class RegistryFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database = TestDatabase.Create("registry");
    private readonly Lazy<GrpcChannel> _channel;

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    public RegistryFactory()
        : this(new Dictionary<string, string>())
    {
    }

    private RegistryFactory(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null)
    {
        _settings = settings;
        _services = services;
        _channel = new Lazy<GrpcChannel>(() =>
            GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() }));
    }

    public string SigningKey { get; } = DevTokenIssuer.NewKey();

    /// <summary>A registry with extra configuration, e.g. <c>["Registry:Demo:Enabled"] = "false"</c>.</summary>
    public static RegistryFactory With(IReadOnlyDictionary<string, string> settings) => new(settings);

    /// <summary>A registry with extra services, e.g. an interceptor every context of the service gets.</summary>
    public static RegistryFactory WithServices(Action<IServiceCollection> services) => new(new Dictionary<string, string>(), services);

    /// <summary>The registry's database, for tests that look at it from outside the service.</summary>
    public TestDatabase Database => _database;

    /// <summary>The service's clock; tests move it (e.g. past the end of a public notice).</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    public HouseholdService.HouseholdServiceClient Households => new(_channel.Value);

    public RegionService.RegionServiceClient Regions => new(_channel.Value);

    public DemoService.DemoServiceClient Demo => new(_channel.Value);

    public Grpc.Health.V1.Health.HealthClient Health => new(_channel.Value);

    /// <summary>The in-memory channel, for calls made from the contract's descriptors (<see cref="Platform.Testing.ContractWalk"/>).</summary>
    public Grpc.Net.Client.GrpcChannel Channel => _channel.Value;

    /// <summary>
    /// Call options with a development token for the given role and region, an optional declared purpose,
    /// and a deadline, as every platform client sends one (30 s, the server's cap, like the other services'
    /// tests: a first call on a loaded CI machine may take more than 10 s to migrate and warm up).
    /// </summary>
    public CallOptions As(string role, string region, string subject = "test-officer", bool personalData = false, string? purpose = null) =>
        new(Headers(role, region, subject, personalData, purpose), DateTime.UtcNow.AddSeconds(30));

    public Metadata Headers(string role, string region, string subject = "test-officer", bool personalData = false, string? purpose = null)
    {
        var token = new DevTokenIssuer(new JwtOptions { SigningKey = SigningKey }).Issue(role, region, subject, personalData: personalData);
        var headers = new Metadata { { "authorization", $"Bearer {token}" } };
        if (purpose is not null)
        {
            headers.Add(CallContextExtensions.PurposeHeader, purpose);
        }

        return headers;
    }

    public CallOptions CountyOfficer(string county, bool personalData = false) => As(PlatformRoles.CountyOfficer, county, $"officer-{county}", personalData);

    /// <summary>Files an application as the officer of the village's county.</summary>
    public async Task<Household> ApplyAsync(CreateHouseholdApplicationRequest request, bool personalData = false)
    {
        var response = await Households.CreateHouseholdApplicationAsync(request, CountyOfficer(Seeded.CountyOf(request.RegionCode), personalData));
        return response.Household;
    }

    /// <summary>How many households a county officer sees in the county.</summary>
    public async Task<int> CountHouseholdsAsync(string county)
    {
        var request = new ListHouseholdsRequest { RegionCode = county, Page = new PageRequest { PageSize = 1 } };
        var response = await Households.ListHouseholdsAsync(request, CountyOfficer(county));
        return response.Page.TotalSize;
    }

    /// <summary>Registers the registry's context on this factory's database, for tests that host consumers themselves.</summary>
    public void AddDatabaseContext(IServiceCollection services)
    {
        if (_database.Provider == "Postgres")
        {
            services.AddDbContext<RegistryDbContext, PostgresRegistryDbContext>(o => o.UseNpgsql(_database.ConnectionString));
        }
        else
        {
            services.AddDbContext<RegistryDbContext, SqliteRegistryDbContext>(o => o.UseSqlite(_database.ConnectionString));
        }
    }

    /// <summary>Reads the service's own database through its own context.</summary>
    public async Task<T> QueryAsync<T>(Func<RegistryDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    /// <summary>Row counts of every table a household application writes, to show that a rejected one wrote nothing.</summary>
    public Task<(int Households, int Members, int Outbox, int Audit)> CountRowsAsync() => QueryAsync(async db =>
        (await db.Households.CountAsync(), await db.Members.CountAsync(), await db.OutboxMessages.CountAsync(),
            await db.AuditRecords.CountAsync(a => a.Action == "household.apply")));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("PersonalData:EncryptionKey", DevTokenIssuer.NewKey());
        builder.UseSetting("PersonalData:LookupKey", DevTokenIssuer.NewKey());
        builder.UseSetting("Database:Provider", _database.Provider);
        builder.UseSetting("ConnectionStrings:registry-db", _database.ConnectionString);
        builder.UseSetting("ConnectionStrings:broker", "amqp://guest:guest@127.0.0.1:1/");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:MassTransit", "Critical");
        builder.UseSetting("Registry:Demo:Enabled", "true");
        // Thousands of test hosts start here; the warm-up has its own tests (WarmupTests).
        builder.UseSetting("Registry:Warmup", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (_channel.IsValueCreated)
        {
            _channel.Value.Dispose();
        }

        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
