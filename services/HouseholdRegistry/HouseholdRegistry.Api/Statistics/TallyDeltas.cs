using Pa.Registry.V1;
using Platform.Security;

namespace Platform.HouseholdRegistry.Statistics;

/// <summary>The tally row a household counts in.</summary>
public readonly record struct TallyKey(
    string VillageCode, HouseholdStatus Status, PovertyCause PrimaryCause, MonitoringCategory MonitoringCategory, int PlannedExitYear, int ExitYear)
{
    public static TallyKey Of(string villageCode, HouseholdStatus status, PovertyCause cause, MonitoringCategory category, int? plannedExitYear, DateTime? exitedAt) =>
        new(villageCode, status, cause, category, plannedExitYear ?? 0, exitedAt?.Year ?? 0);
}

/// <summary>
/// How one household counted before a change and counts after it: no key before for a new
/// household, no key after for a deleted one; people are its active members.
/// </summary>
public sealed record HouseholdTallyChange(TallyKey? Before, int PeopleBefore, TallyKey? After, int PeopleAfter);

/// <summary>Turns household changes into the additions each tally row needs.</summary>
public static class TallyDeltas
{
    public static IReadOnlyDictionary<TallyKey, (int Households, int People)> Sum(IEnumerable<HouseholdTallyChange> changes)
    {
        var sums = new Dictionary<TallyKey, (int Households, int People)>();
        foreach (var change in changes)
        {
            if (change.Before is { } before)
            {
                Add(sums, before, -1, -change.PeopleBefore);
            }

            if (change.After is { } after)
            {
                Add(sums, after, 1, change.PeopleAfter);
            }
        }

        return sums.Where(s => s.Value != (0, 0)).ToDictionary();
    }

    /// <summary>
    /// The same deltas summed into the township, county, city and province above each village
    /// (the key's code is then the region's), as <see cref="RegionRollup"/> rows take them.
    /// </summary>
    public static IReadOnlyDictionary<TallyKey, (int Households, int People)> Rollups(IReadOnlyDictionary<TallyKey, (int Households, int People)> villageDeltas)
    {
        var sums = new Dictionary<TallyKey, (int Households, int People)>();
        foreach (var (key, (households, people)) in villageDeltas)
        {
            for (var region = RegionCode.Parse(key.VillageCode).Parent; region is { } above; region = above.Parent)
            {
                Add(sums, key with { VillageCode = above.Value }, households, people);
            }
        }

        return sums.Where(s => s.Value != (0, 0)).ToDictionary();
    }

    private static void Add(Dictionary<TallyKey, (int Households, int People)> sums, TallyKey key, int households, int people)
    {
        var current = sums.GetValueOrDefault(key);
        sums[key] = (current.Households + households, current.People + people);
    }
}
