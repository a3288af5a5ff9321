namespace Platform.Employment.Assets;

/// <summary>One household's shares in a split.</summary>
public readonly record struct Holding(Guid HouseholdId, long Shares);

/// <summary>
/// Splits a dividend by shares exactly (largest remainder): each household gets
/// floor(amount × shares / total) fen; the fen left over go one each to the households with the
/// largest fractional parts, equal parts in ascending household id (<see cref="Guid.CompareTo(Guid)"/>).
/// The amounts always add up to the amount.
/// </summary>
public static class DividendSplitter
{
    /// <summary>The split of all holdings at once (the reference rule; a run uses <see cref="DividendPlan"/> per chunk).</summary>
    public static IReadOnlyDictionary<Guid, long> Split(long amountFen, IReadOnlyCollection<Holding> holdings)
    {
        var total = Validate(amountFen, holdings);
        var parts = holdings.Select(h =>
        {
            var product = (Int128)amountFen * h.Shares;
            return (h.HouseholdId, Floor: (long)(product / total), Fraction: (long)(product % total));
        }).ToList();
        var remainder = amountFen - parts.Sum(p => p.Floor);
        var bumped = parts.OrderByDescending(p => p.Fraction).ThenBy(p => p.HouseholdId).Take((int)remainder).Select(p => p.HouseholdId).ToHashSet();
        return parts.ToDictionary(p => p.HouseholdId, p => p.Floor + (bumped.Contains(p.HouseholdId) ? 1 : 0));
    }

    /// <summary>
    /// The plan of a split from the number of households per share count, without the households
    /// themselves: only where remainder fen stop at equal fractions are household ids needed, and
    /// <paramref name="cutoffAt"/> answers that (the k-th lowest id among households holding one of the share counts).
    /// </summary>
    public static async Task<DividendPlan> PlanAsync(
        long amountFen, IReadOnlyDictionary<long, int> householdsByShares, Func<IReadOnlyCollection<long>, int, Task<Guid>> cutoffAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountFen);
        if (householdsByShares.Count == 0 || householdsByShares.Keys.Any(s => s <= 0))
        {
            throw new ArgumentException("A split needs at least one holding, and every holding positive shares.", nameof(householdsByShares));
        }

        var total = householdsByShares.Sum(g => g.Key * g.Value);
        long remainder = amountFen;
        foreach (var (shares, count) in householdsByShares)
        {
            remainder -= (long)((Int128)amountFen * shares / total) * count;
        }

        // Fractional parts are numerators over the same total, so they compare as integers.
        var levels = householdsByShares
            .GroupBy(g => (long)((Int128)amountFen * g.Key % total))
            .OrderByDescending(l => l.Key);
        foreach (var level in levels)
        {
            if (remainder == 0)
            {
                return new DividendPlan(amountFen, total, level.Key, Guid.Empty);
            }

            var count = level.Sum(g => g.Value);
            if (remainder >= count)
            {
                remainder -= count;
                continue;
            }

            var cutoff = await cutoffAt(level.Select(g => g.Key).ToList(), (int)remainder);
            return new DividendPlan(amountFen, total, level.Key, cutoff);
        }

        // Every level took its remainder fen in full (or there was none).
        return new DividendPlan(amountFen, total, -1, Guid.Empty);
    }

    private static long Validate(long amountFen, IReadOnlyCollection<Holding> holdings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountFen);
        if (holdings.Count == 0 || holdings.Any(h => h.Shares <= 0))
        {
            throw new ArgumentException("A split needs at least one holding, and every holding positive shares.", nameof(holdings));
        }

        if (holdings.Select(h => h.HouseholdId).Distinct().Count() != holdings.Count)
        {
            throw new ArgumentException("A household holds shares once.", nameof(holdings));
        }

        return holdings.Sum(h => h.Shares);
    }
}

/// <summary>
/// A split fixed at the start of a run: a household's amount follows from its own shares and id alone,
/// so a run can pay chunk by chunk (and resume) and still add up to the amount exactly.
/// Fractions above <see cref="BoundaryFraction"/> get one remainder fen; at the boundary, households
/// with ids up to <see cref="Cutoff"/> do (<see cref="Guid.Empty"/>, the lowest id and never a household's: none).
/// </summary>
public sealed record DividendPlan(long AmountFen, long TotalShares, long BoundaryFraction, Guid Cutoff)
{
    public long AmountFor(Guid householdId, long shares)
    {
        var product = (Int128)AmountFen * shares;
        var floor = (long)(product / TotalShares);
        var fraction = (long)(product % TotalShares);
        var bumped = fraction > BoundaryFraction
            || (fraction == BoundaryFraction && householdId.CompareTo(Cutoff) <= 0);
        return floor + (bumped ? 1 : 0);
    }
}
