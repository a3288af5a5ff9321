using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>
/// The registry in memory (see <see cref="ServiceFactory{TProgram, TContext}"/>), with the demo county
/// operations on and the warm-up off. Its clock starts at the real time: notice periods and tokens are
/// checked against both.
/// </summary>
public sealed class RegistryFactory : ServiceFactory<Program, RegistryDbContext>
{
    private static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        ["Registry:Demo:Enabled"] = "true",
        // Thousands of test hosts start here; the warm-up has its own tests (WarmupTests).
        ["Registry:Warmup"] = "false",
    };

    private readonly Action<IServiceCollection>? _services;

    public RegistryFactory()
        : this(new Dictionary<string, string>())
    {
    }

    private RegistryFactory(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null)
        : base("registry-db", Defaults.Concat(settings).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value), inMemoryBus: false,
            clockStart: DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()))
    {
        _services = services;
    }

    /// <summary>A registry with extra configuration, e.g. <c>["Registry:Demo:Enabled"] = "false"</c>.</summary>
    public static RegistryFactory With(IReadOnlyDictionary<string, string> settings) => new(settings);

    /// <summary>A registry with extra services, e.g. an interceptor every context of the service gets.</summary>
    public static RegistryFactory WithServices(Action<IServiceCollection> services) => new(new Dictionary<string, string>(), services);

    public HouseholdService.HouseholdServiceClient Households => new(Channel);

    public RegionService.RegionServiceClient Regions => new(Channel);

    public DemoService.DemoServiceClient Demo => new(Channel);

    /// <summary>
    /// Call options with a development token for the given role and region, an optional declared purpose,
    /// and a deadline, as every platform client sends one (30 s, the server's cap, like the other services'
    /// tests: a first call on a loaded CI machine may take more than 10 s to migrate and warm up).
    /// </summary>
    public CallOptions As(string role, string region, string subject = "test-officer", bool personalData = false, string? purpose = null) =>
        new(Headers(role, region, subject, personalData, purpose), DateTime.UtcNow.AddSeconds(30));

    public Metadata Headers(string role, string region, string subject = "test-officer", bool personalData = false, string? purpose = null)
    {
        var token = Authority.Issue(role, region, subject, personalData: personalData);
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
        if (Database.Provider == "Postgres")
        {
            services.AddDbContext<RegistryDbContext, PostgresRegistryDbContext>(o => o.UseNpgsql(Database.ConnectionString));
        }
        else
        {
            services.AddDbContext<RegistryDbContext, SqliteRegistryDbContext>(o => o.UseSqlite(Database.ConnectionString));
        }
    }

    /// <summary>Row counts of every table a household application writes, to show that a rejected one wrote nothing.</summary>
    public Task<(int Households, int Members, int Outbox, int Audit)> CountRowsAsync() => QueryAsync(async db =>
        (await db.Households.CountAsync(), await db.Members.CountAsync(), await db.OutboxMessages.CountAsync(),
            await db.AuditRecords.CountAsync(a => a.Action == "household.apply")));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }
}
