using System.Diagnostics;
using Grpc.Health.V1;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Benchmarks.Registry;

namespace Platform.Benchmarks.FirstCall;

/// <summary>One call an officer makes, by name.</summary>
public sealed record Call(string Name, Func<Task> Run);

/// <summary>
/// The registry's hot calls as officers make them: reads of a household, its village and the
/// statistics, and the two writes of daily work (an application, a member change). Each run files a
/// household no earlier run filed, so the writes are real on a reused database.
/// </summary>
public static class FirstCalls
{
    /// <summary>The calls of one filing, with its two fresh households from <see cref="FreshHouseholds"/>: one is filed, the other's head joins it as a child.</summary>
    public static IReadOnlyList<Call> For(RegistryProcess registry, Sampled sample, IReadOnlyList<CreateHouseholdApplicationRequest> fresh, int filing)
    {
        var households = new HouseholdService.HouseholdServiceClient(registry.Channel);
        var statistics = new StatisticsService.StatisticsServiceClient(registry.Channel);
        var county = registry.CountyOfficer();
        var village = registry.VillageOfficer(sample.Village);
        var application = NewApplication(fresh[2 * filing], sample.Village);
        var child = NewChild(fresh[2 * filing + 1]);
        string? filed = null;
        DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);
        return
        [
            new("Health.Check (empty call)", async () => await new Health.HealthClient(registry.Channel).CheckAsync(new HealthCheckRequest(), deadline: Deadline())),
            new("GetHousehold", async () => await households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = sample.HouseholdId }, county, Deadline())),
            new("ListHouseholds (village)", async () => await households.ListHouseholdsAsync(new ListHouseholdsRequest { RegionCode = sample.Village, Page = new PageRequest { PageSize = 50 } }, county, Deadline())),
            new("GetBattleMap (village)", async () => await statistics.GetBattleMapAsync(new GetBattleMapRequest { VillageCode = sample.Village, Page = new PageRequest { PageSize = 50 } }, county, Deadline())),
            new("GetRegionStatistics (county)", async () => await statistics.GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = HouseholdGenerator.County }, county, Deadline())),
            new("GetRegionStatistics (township)", async () => await statistics.GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = sample.Village[..9] + "000" }, county, Deadline())),
            new("CreateHouseholdApplication", async () => filed = (await households.CreateHouseholdApplicationAsync(application, village, Deadline())).Household.HouseholdId),
            new("ChangeMembers", async () => await households.ChangeMembersAsync(new ChangeMembersRequest
            {
                HouseholdId = filed ?? throw new InvalidOperationException("No household was filed."),
                Add = { child },
            }, village, Deadline())),
        ];
    }

    /// <summary>Times each call once, in order.</summary>
    public static async Task<double[]> TimeAsync(IReadOnlyList<Call> calls)
    {
        var timings = new double[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            var clock = Stopwatch.StartNew();
            await calls[i].Run();
            timings[i] = clock.Elapsed.TotalMilliseconds;
        }

        return timings;
    }

    /// <summary>
    /// Generated households beyond any the database has seen (the generator is deterministic, so
    /// their people are new), two per filing, made in one pass: the database holds the imported
    /// households and those earlier runs filed, so twice its count is past both, and grows past what
    /// this run uses before the next one.
    /// </summary>
    public static IReadOnlyList<CreateHouseholdApplicationRequest> FreshHouseholds(Sampled sample, int filings) =>
        [.. HouseholdGenerator.Generate(2 * sample.Total + 2 * filings).Skip(2 * sample.Total).Select(h => h.Application)];

    private static CreateHouseholdApplicationRequest NewApplication(CreateHouseholdApplicationRequest generated, string village)
    {
        var application = generated.Clone();
        application.RegionCode = village;
        application.PlannedExitYear = DateTime.UtcNow.Year + 1; // imported households may have exit years in the past; applications may not
        return application;
    }

    private static MemberInput NewChild(CreateHouseholdApplicationRequest generated)
    {
        var child = generated.Members[0].Clone();
        child.Relationship = Relationship.Child;
        return child;
    }
}
