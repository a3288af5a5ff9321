using System.Diagnostics;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Households;
using Platform.HouseholdRegistry.Statistics;
using Platform.Security;
using Platform.ServiceDefaults;

namespace Platform.HouseholdRegistry.Warmup;

/// <summary>
/// Before the registry listens, makes each hot call once through its own handlers, inside a
/// transaction that is rolled back: the first officer's call would otherwise pay for building EF
/// Core's model, compiling each query and save, and jitting the handlers (seconds, measured by
/// tests/Benchmarks/FirstCallBenchmark). Nothing of it is kept. A failing warm-up call only
/// leaves that call cold; it never stops the service.
/// </summary>
public sealed partial class RegistryWarmup(IServiceScopeFactory scopes, ILogger<RegistryWarmup> logger) : IHostedService
{
    private readonly List<string> _warmed = [];
    private readonly List<string> _failed = [];

    /// <summary>The calls made, in order (for tests and operators).</summary>
    public IReadOnlyList<string> Warmed => _warmed;

    /// <summary>The calls that failed and so stay cold, with why.</summary>
    public IReadOnlyList<string> Failed => _failed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var village = await db.Regions.AsNoTracking().Where(r => r.Level == Platform.Security.RegionLevel.Village)
            .OrderBy(r => r.Code).Select(r => r.Code).FirstOrDefaultAsync(cancellationToken);
        if (village is null)
        {
            return; // An empty registry: nothing to call with, and nothing slow to call yet.
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var households = ActivatorUtilities.CreateInstance<HouseholdGrpcService>(scope.ServiceProvider);
        var statistics = ActivatorUtilities.CreateInstance<StatisticsGrpcService>(scope.ServiceProvider);
        var region = RegionCode.Parse(village);
        var officer = new WarmupCallContext(scope.ServiceProvider, PlatformRoles.VillageOfficer, region, cancellationToken);
        var county = new WarmupCallContext(scope.ServiceProvider, PlatformRoles.CountyOfficer, RegionCode.Parse(village[..6] + "000000"), cancellationToken);
        var page = new PageRequest { PageSize = 50 };

        var filed = await TryAsync("CreateHouseholdApplication", async () => (await households.CreateHouseholdApplication(WarmupHousehold.Application(village), officer)).Household);
        if (filed is not null)
        {
            await TryAsync("GetHousehold", () => households.GetHousehold(new GetHouseholdRequest { HouseholdId = filed.HouseholdId }, county));
            await TryAsync("ChangeMembers", () => households.ChangeMembers(new ChangeMembersRequest { HouseholdId = filed.HouseholdId, Add = { WarmupHousehold.Child() } }, officer));
        }

        await TryAsync("ListHouseholds", () => households.ListHouseholds(new ListHouseholdsRequest { RegionCode = village, Page = page }, county));
        await TryAsync("GetBattleMap", () => statistics.GetBattleMap(new GetBattleMapRequest { VillageCode = village, Page = page }, county));
        await TryAsync("GetRegionStatistics", () => statistics.GetRegionStatistics(new GetRegionStatisticsRequest { RegionCode = county.GetCaller().Region.Value }, county));
        await TryAsync("GetRegionStatistics", () => statistics.GetRegionStatistics(new GetRegionStatisticsRequest { RegionCode = village[..9] + "000" }, county));
        await transaction.RollbackAsync(cancellationToken);
        LogWarmedUp(logger, clock.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<T?> TryAsync<T>(string call, Func<Task<T>> run)
        where T : class
    {
        try
        {
            var result = await run();
            _warmed.Add(call);
            return result;
        }
        catch (RpcException ex)
        {
            _failed.Add($"{call}: {ex.Status.Detail}");
            LogCallFailed(logger, call, ex.Status.Detail);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up the hot calls in {Milliseconds} ms (rolled back)")]
    private static partial void LogWarmedUp(ILogger logger, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up call {Call} failed, it stays cold: {Detail}")]
    private static partial void LogCallFailed(ILogger logger, string call, string detail);
}
