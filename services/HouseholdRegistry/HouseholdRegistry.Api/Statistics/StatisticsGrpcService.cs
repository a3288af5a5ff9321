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
    [Allow(Roles.Officers | Roles.Auditor, "read battle maps")]
    public override async Task<GetBattleMapResponse> GetBattleMap(GetBattleMapRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var violations = new FieldViolations();
        violations.Check(RegionCode.TryParse(request.VillageCode, out var village) && village.Level == RegionLevel.Village, "village_code", "must be the code of a village");
        var page = Paging.Read(request.Page, violations, "page", context.Method);
        var after = Paging.AfterSeq(page, violations, "page");
        violations.ThrowIfAny();
        if (!caller.CanSee(village) || !await db.Regions.AnyAsync(r => r.Code == village.Value, context.CancellationToken))
        {
            throw RpcErrors.NotFound($"Village {village}");
        }

        var response = await BattleMapReader.ReadAsync(db, village.Value, request.Status, page, after, context.CancellationToken);
        db.Audit(context, "battlemap.read", "region", village.Value);
        await db.SaveChangesAsync(context.CancellationToken);
        return response;
    }

    [Allow(Roles.Anyone, "read region statistics")]
    public override async Task<GetRegionStatisticsResponse> GetRegionStatistics(GetRegionStatisticsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var year = request.Year == 0 ? time.GetUtcNow().Year : request.Year;
        var violations = new FieldViolations();
        violations.Check(RegionCode.TryParse(request.RegionCode, out var code), "region_code", "must be a 12-digit region code");
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

        var tallies = await ChildTalliesAsync(prefix, children, childLength, year, context.CancellationToken);
        var population = await db.Regions.AsNoTracking().InRegion(r => r.Code, prefix).Where(r => r.Level == RegionLevel.Village)
            .GroupBy(r => r.Code.Substring(0, childLength))
            .Select(g => new { Child = g.Key, Known = g.Sum(r => (long?)r.RuralPopulation ?? 0), Unknown = g.Count(r => r.RuralPopulation == null) })
            .ToListAsync(context.CancellationToken);

        var response = new GetRegionStatisticsResponse
        {
            Year = year,
            Region = RegionFiguresCalculator.Compute(region.Code, region.Name, tallies, population.Sum(p => p.Known), population.Sum(p => p.Unknown), year),
        };
        var byChild = tallies.ToLookup(t => t.VillageCode);
        var populationByChild = population.ToDictionary(p => p.Child);
        response.Children.AddRange(children.Select(child =>
        {
            var childPopulation = populationByChild.GetValueOrDefault(child.Code[..childLength]);
            return RegionFiguresCalculator.Compute(child.Code, child.Name, byChild[child.Code].ToList(),
                childPopulation?.Known ?? 0, childPopulation?.Unknown ?? 0, year);
        }));
        return response;
    }

    /// <summary>
    /// The tally rows of each child region, keyed by the child's full code: a township's villages
    /// from their own tallies, the townships of a county (or counties of a city, cities of a
    /// province) from the maintained rollups, so no call sums more than one level of rows. The
    /// exit and planned-exit years matter only as "the asked year or not", so the rows are summed
    /// to that in the database: a few times fewer rows to read into objects.
    /// </summary>
    private async Task<List<RegionTally>> ChildTalliesAsync(string prefix, List<Platform.HouseholdRegistry.Regions.Region> children, int childLength, int year, CancellationToken ct)
    {
        var codes = children.Select(c => c.Code).ToList();
        var rows = childLength == 12
            ? db.RegionTallies.AsNoTracking().InRegion(t => t.VillageCode, prefix)
                .Select(t => new { Code = t.VillageCode, t.Status, t.PrimaryCause, t.MonitoringCategory, t.PlannedExitYear, t.ExitYear, t.Households, t.People })
            : db.RegionRollups.AsNoTracking().Where(r => codes.Contains(r.RegionCode))
                .Select(r => new { Code = r.RegionCode, r.Status, r.PrimaryCause, r.MonitoringCategory, r.PlannedExitYear, r.ExitYear, r.Households, r.People });
        var sums = await rows
            .GroupBy(t => new { t.Code, t.Status, t.PrimaryCause, t.MonitoringCategory, Planned = t.PlannedExitYear == year, Exited = t.ExitYear == year })
            .Select(g => new { g.Key, Households = g.Sum(t => t.Households), People = g.Sum(t => t.People) })
            .ToListAsync(ct);
        return [.. sums.Select(g => new RegionTally
        {
            VillageCode = g.Key.Code, Status = g.Key.Status, PrimaryCause = g.Key.PrimaryCause, MonitoringCategory = g.Key.MonitoringCategory,
            PlannedExitYear = g.Key.Planned ? year : 0, ExitYear = g.Key.Exited ? year : 0, Households = g.Households, People = g.People,
        })];
    }
}
