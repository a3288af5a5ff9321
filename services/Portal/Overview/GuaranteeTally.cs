using Grpc.Core;
using Pa.Assistance.V1;
using Pa.Common.V1;
using Platform.Portal.Services;

namespace Platform.Portal.Overview;

/// <summary>Households of a region with a guarantee finding, and how many of them meet each of the five guarantees.</summary>
public sealed record GuaranteeTally(long Households, IReadOnlyDictionary<string, long> Met)
{
    /// <summary>The five guarantees in the order officers say them (两不愁三保障 + 饮水安全), as Names.Guarantee knows them.</summary>
    public static readonly string[] Keys = ["food", "education", "medical", "housing", "water"];

    public long MetOf(string guarantee) => Met[guarantee];

    public static GuaranteeTally Sum(IEnumerable<GuaranteeTally> parts)
    {
        var list = parts.ToList();
        return new GuaranteeTally(list.Sum(p => p.Households), Keys.ToDictionary(k => k, k => list.Sum(p => p.MetOf(k))));
    }
}

/// <summary>
/// Counts households meeting each guarantee. The assistance service's coverage has no per-guarantee
/// household count, so this reads its own list: the total of all findings (one call, page size 1,
/// for total_size) and only the households with some guarantee not met, whose findings say which.
/// Met for a guarantee = all households − those among the not-all-met whose finding is not MET.
/// Each region is paged on its own, so the children of a county are read concurrently.
/// </summary>
public sealed class GuaranteeCounter(ServiceCalls calls)
{
    private const int PageSize = 500;

    public async Task<GuaranteeTally> CountAsync(string region, CallOptions options)
    {
        var all = calls.Guarantees.ListHouseholdGuaranteesAsync(
            new ListHouseholdGuaranteesRequest { RegionCode = region, Page = new PageRequest { PageSize = 1 } }, options).ResponseAsync;
        var notMet = GuaranteeTally.Keys.ToDictionary(k => k, _ => 0L);
        var token = "";
        do
        {
            var page = await calls.Guarantees.ListHouseholdGuaranteesAsync(new ListHouseholdGuaranteesRequest
            {
                RegionCode = region,
                OnlyNotMet = true,
                Page = new PageRequest { PageSize = PageSize, PageToken = token },
            }, options);
            foreach (var household in page.Households)
            {
                Tally(notMet, "food", household.FoodAndClothing);
                Tally(notMet, "education", household.Education);
                Tally(notMet, "medical", household.Medical);
                Tally(notMet, "housing", household.Housing);
                Tally(notMet, "water", household.Water);
            }

            token = page.Page?.NextPageToken ?? "";
        }
        while (token.Length > 0);

        long total = (await all).Page?.TotalSize ?? 0;
        // The total and the pages are read moments apart while findings may still be arriving (a county
        // being imported): never show fewer than none met.
        return new GuaranteeTally(total, notMet.ToDictionary(p => p.Key, p => Math.Max(0, total - p.Value)));
    }

    private static void Tally(Dictionary<string, long> notMet, string key, GuaranteeFinding? finding)
    {
        if (finding?.State != GuaranteeState.Met)
        {
            notMet[key]++;
        }
    }
}
