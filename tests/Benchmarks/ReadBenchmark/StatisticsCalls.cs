using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Pa.Common.V1;
using Pa.Registry.V1;
using Platform.Benchmarks.Registry;
using Platform.ServiceDefaults;

namespace Platform.Benchmarks.Read;

/// <summary>
/// The battle map of a random village that has households (its first page and a page at a random
/// depth) and the statistics of the county and of a township, as a county officer would call them.
/// </summary>
public sealed class StatisticsCalls(GrpcChannel channel, Metadata headers, DatabaseSample sample)
{
    public const int PageSize = 50;

    private readonly StatisticsService.StatisticsServiceClient _client = new(channel);

    /// <summary>
    /// Sequence numbers of the sampled households the battle map shows (registered or exited, not
    /// the applications earlier write phases filed) of each village that has any.
    /// </summary>
    private readonly Dictionary<string, long[]> _seqs = sample.Households.Where(Shown).GroupBy(h => h.Village).ToDictionary(g => g.Key, g => g.Select(h => h.Seq).ToArray());

    public string[] Villages { get; } = [.. sample.Households.Where(Shown).Select(h => h.Village).Distinct().Order(StringComparer.Ordinal)];

    private static bool Shown(SampledHousehold h) => h.Status is HouseholdStatus.Registered or HouseholdStatus.Exited;

    public Task FirstPage(Random random) => BattleMapAsync(RandomVillage(random), "");

    /// <summary>
    /// The battle map's page token is the key of the last household shown (its sequence number,
    /// encoded by <see cref="Paging.Token"/>), so a sampled household opens the page after it
    /// without walking there page by page.
    /// </summary>
    public Task<GetBattleMapResponse> LaterPageAsync(string village, Random random)
    {
        var seqs = _seqs[village];
        return BattleMapAsync(village, Paging.Token(Paging.ListOf(StatisticsService.Descriptor.FindMethodByName("GetBattleMap")), seqs[random.Next(seqs.Length)].ToString(CultureInfo.InvariantCulture)));
    }

    public Task LaterPage(Random random) => LaterPageAsync(RandomVillage(random), random);

    public Task County(Random _) => StatisticsAsync(HouseholdGenerator.County);

    /// <summary>The township of a random village with households (its first nine digits, then zeros).</summary>
    public Task Township(Random random) => StatisticsAsync(RandomVillage(random)[..9] + "000");

    public Task<GetBattleMapResponse> BattleMapAsync(string village, string pageToken) =>
        _client.GetBattleMapAsync(new GetBattleMapRequest { VillageCode = village, Page = new PageRequest { PageSize = PageSize, PageToken = pageToken } },
            headers, DateTime.UtcNow.AddSeconds(10)).ResponseAsync;

    public Task<GetRegionStatisticsResponse> StatisticsAsync(string region) =>
        _client.GetRegionStatisticsAsync(new GetRegionStatisticsRequest { RegionCode = region }, headers, DateTime.UtcNow.AddSeconds(10)).ResponseAsync;

    private string RandomVillage(Random random) => Villages[random.Next(Villages.Length)];
}
