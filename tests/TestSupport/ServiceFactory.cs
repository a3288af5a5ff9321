using Grpc.Core;
using MassTransit;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Platform.Messaging;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.Testing;

/// <summary>
/// A platform service in memory, with its own database (a SQLite file, or a PostgreSQL database in
/// the *.Postgres test projects: see <see cref="TestDatabase"/>), token issuer (<see cref="TestAuthority"/>) and personal-data keys.
/// The broker address is unreachable on purpose: calls only write the outbox table, never the broker.
/// Each service's tests derive their factory from it, naming the database connection.
/// </summary>
public abstract class ServiceFactory<TProgram, TContext> : WebApplicationFactory<TProgram>
    where TProgram : class
    where TContext : DbContext, IMessagingDbContext
{
    private readonly string _databaseName;
    private readonly TestDatabase _database;
    private readonly Lazy<GrpcChannel> _channel;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly bool _inMemoryBus;

    /// <summary>
    /// A service on a new database named after <paramref name="databaseName"/> (its connection string name), with
    /// extra <paramref name="settings"/>, optionally MassTransit's test harness for a bus, and a clock that starts at
    /// <paramref name="clockStart"/> (default: a fixed Monday morning, so dates in tests are the same every run).
    /// </summary>
    protected ServiceFactory(string databaseName, IReadOnlyDictionary<string, string> settings, bool inMemoryBus, DateTimeOffset? clockStart = null)
    {
        Clock = new FakeTimeProvider(clockStart ?? new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        _databaseName = databaseName;
        _database = TestDatabase.Create(databaseName);
        _settings = settings;
        _inMemoryBus = inMemoryBus;
        _channel = new Lazy<GrpcChannel>(() =>
            GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() }));
    }

    /// <summary>The issuer the service trusts; tests rotate its keys or revoke callers through it.</summary>
    public TestAuthority Authority { get; } = new();

    /// <summary>Every query the service's contexts ran, for the query-plan guard (<see cref="QueryPlans"/>).</summary>
    public QueryCapture Queries { get; } = new();

    /// <summary>The service's database, for tests that look at it from outside the service.</summary>
    public TestDatabase Database => _database;

    public string LookupKey { get; } = DevSecrets.NewKey();

    /// <summary>The service's clock; tests move it.</summary>
    public FakeTimeProvider Clock { get; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public GrpcChannel Channel => _channel.Value;

    /// <summary>A generated gRPC client on the in-memory channel, e.g. <c>Client&lt;GuaranteeService.GuaranteeServiceClient&gt;()</c>.</summary>
    public T Client<T>()
        where T : ClientBase<T> => (T)Activator.CreateInstance(typeof(T), Channel)!;

    public Grpc.Health.V1.Health.HealthClient Health => new(Channel);

    /// <summary>Call options with a development token for the role and region, optional scopes and purpose, and a deadline.</summary>
    public CallOptions As(string role, string region, string subject = "test-officer", IEnumerable<string>? scopes = null, string? purpose = null)
    {
        var token = Authority.Issue(role, region, subject, scopes: scopes);
        var headers = new Metadata { { "authorization", $"Bearer {token}" } };
        if (purpose is not null)
        {
            headers.Add(CallContextExtensions.PurposeHeader, purpose);
        }

        return new CallOptions(headers, DateTime.UtcNow.AddSeconds(30));
    }

    public CallOptions CountyOfficer(string county) => As(PlatformRoles.CountyOfficer, county, $"officer-{county}");

    public CallOptions VillageOfficer(string village) => As(PlatformRoles.VillageOfficer, village, $"officer-{village}");

    /// <summary>The platform's keyed hash of a national ID, as the registry puts it in MemberFacts.</summary>
    public string LookupOf(string nationalId) => Services.GetRequiredService<PersonalDataProtector>().LookupHash(nationalId);

    /// <summary>Runs a query on the service's own database through its own context.</summary>
    public async Task<T> QueryAsync<T>(Func<TContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    /// <summary>Runs work in a fresh scope with its own context (e.g. applying replica events as the consumers do).</summary>
    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>The bodies of the events of type <typeparamref name="T"/> in the outbox for one household, oldest first.</summary>
    public Task<List<T>> OutboxEventsAsync<T>(Guid householdId)
        where T : class => QueryAsync(async db =>
    {
        var type = typeof(T).FullName!;
        var rows = await db.OutboxMessages.Where(m => m.AggregateKey == householdId.ToString() && m.MessageType.StartsWith(type + ","))
            .OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
        return rows.Select(b => System.Text.Json.JsonSerializer.Deserialize<T>(b, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!).ToList();
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestAuthority.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("PersonalData:EncryptionKey", DevSecrets.NewKey());
        builder.UseSetting("PersonalData:LookupKey", LookupKey);
        builder.UseSetting("Database:Provider", _database.Provider);
        builder.UseSetting($"ConnectionStrings:{_databaseName}", _database.ConnectionString);
        builder.UseSetting("ConnectionStrings:broker", "amqp://guest:guest@127.0.0.1:1/");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:MassTransit", "Critical");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            Authority.UseIn(services);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Queries);
            if (_inMemoryBus)
            {
                services.AddMassTransitTestHarness();
            }
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
