using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Pa.Registry.V1;
using Platform.HouseholdRegistry.BattleMap;
using Platform.HouseholdRegistry.Data;
using Platform.HouseholdRegistry.Helpers;
using Platform.Persistence;
using Platform.Security;
using Platform.ServiceDefaults;
using RegionLevel = Platform.Security.RegionLevel;

namespace Platform.HouseholdRegistry.Statistics;

/// <summary>The village battle map and the statistics of any region, both read from indexed or maintained data.</summary>
public sealed class StatisticsGrpcService(RegistryDbContext db, TimeProvider time) : StatisticsService.StatisticsServiceBase
{
    public override async Task<GetBattleMapResponse> GetBattleMap(GetBattleMapRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        SupportAccess.RequireReader(caller);
        var violations = new FieldViolations();
        violations.Check(RegionCode.TryParse(request.VillageCode, out var village) && village.Level == RegionLevel.Village, "village_code", "must be the code of a village");
        violations.Check(request.Status is HouseholdStatus.Unspecified or HouseholdStatus.Registered or HouseholdStatus.Exited, "status", "must be REGISTERED, EXITED or unspecified for both");
        var page = Paging.Read(request.Page, violations, "page");
        var after = SupportAccess.ReadAfter(page, violations);
        violations.ThrowIfAny();
        if (!caller.CanSee(village) || !await db.Regions.AnyAsync(r => r.Code == village.Value, context.CancellationToken))
        {
            throw RpcErrors.NotFound($"Village {village}");
        }

        var response = await BattleMapReader.ReadAsync(db, village.Value, request.Status, page.Size, after, context.CancellationToken);
        db.Record(caller, "battlemap.read", "region", village.Value, context.AccessPurpose(), time.GetUtcNow().UtcDateTime, CallContextExtensions.TraceId);
        await db.SaveChangesAsync(context.CancellationToken);
        return response;
    }

    public override async Task<GetRegionStatisticsResponse> GetRegionStatistics(GetRegionStatisticsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var year = request.Year == 0 ? time.GetUtcNow().Year : request.Year;
        var violations = new FieldViolations();
        violations.Check(RegionCode.TryParse(request.RegionCode, out var code), "region_code", "must be a 12-digit region code");
        violations.Check(year is >= 2000 and <= 2100, "year", "must be 0 or a year between 2000 and 2100");
        violations.ThrowIfAny();

        var region = caller.CanSee(code)
            ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code.Value, context.CancellationToken)
            : null;
        if (region is null)
        {
            throw RpcErrors.NotFound($"Region {code}");
        }

        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code.Value).OrderBy(r => r.Code).ToListAsync(context.CancellationToken);
        var prefix = code.SignificantPrefix;
        var childLength = children.Count == 0 ? 12 : RegionCode.Parse(children[0].Code).SignificantPrefix.Length;

        // Grouped in the database by child region, so a county reads a few hundred sums, not its villages' rows.
        var tallies = (await db.RegionTallies.AsNoTracking().InRegion(t => t.VillageCode, prefix)
                .GroupBy(t => new { Child = t.VillageCode.Substring(0, childLength), t.Status, t.PrimaryCause, t.MonitoringCategory, t.PlannedExitYear, t.ExitYear })
                .Select(g => new { g.Key, Households = g.Sum(t => t.Households), People = g.Sum(t => t.People) })
                .ToListAsync(context.CancellationToken))
            .Select(g => new RegionTally
            {
                VillageCode = g.Key.Child, Status = g.Key.Status, PrimaryCause = g.Key.PrimaryCause, MonitoringCategory = g.Key.MonitoringCategory,
                PlannedExitYear = g.Key.PlannedExitYear, ExitYear = g.Key.ExitYear, Households = g.Households, People = g.People,
            })
            .ToList();
        var population = await db.Regions.AsNoTracking().InRegion(r => r.Code, prefix).Where(r => r.Level == RegionLevel.Village)
            .GroupBy(r => r.Code.Substring(0, childLength))
            .Select(g => new { Child = g.Key, Known = g.Sum(r => (long?)r.RuralPopulation ?? 0), Unknown = g.Count(r => r.RuralPopulation == null) })
            .ToListAsync(context.CancellationToken);

        var response = new GetRegionStatisticsResponse
        {
            Year = year,
            Region = RegionFiguresCalculator.Compute(region.Code, region.Name, tallies, population.Sum(p => p.Known), population.Sum(p => p.Unknown), year),
        };
        response.Children.AddRange(children.Select(child =>
        {
            var key = child.Code[..childLength];
            var childPopulation = population.FirstOrDefault(p => p.Child == key);
            return RegionFiguresCalculator.Compute(child.Code, child.Name, tallies.Where(t => t.VillageCode == key).ToList(),
                childPopulation?.Known ?? 0, childPopulation?.Unknown ?? 0, year);
        }));
        return response;
    }
}
