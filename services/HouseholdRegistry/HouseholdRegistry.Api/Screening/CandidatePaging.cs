using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Platform.HouseholdRegistry.Screening;

/// <summary>One row of a candidate list reduced to its sort key, so that households and roll entries page alike.</summary>
internal sealed class RankedRow
{
    public long Seq { get; init; }

    public int Priorities { get; init; }

    public long Income { get; init; }
}

/// <summary>The page token of a candidate list: the sort key of the last row shown.</summary>
internal readonly record struct CandidateKey(int Priorities, long Income, long Seq)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Priorities}:{Income}:{Seq}");

    public static bool TryParse(string text, [NotNullWhen(true)] out CandidateKey? key)
    {
        key = null;
        var parts = text.Split(':');
        if (parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var priorities)
            && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var income)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            key = new CandidateKey(priorities, income, seq);
        }

        return key is not null;
    }
}

internal static class CandidatePaging
{
    /// <summary>Most 六优先 flags first, then lowest income, then oldest; one row more than the page to tell whether another follows.</summary>
    public static IQueryable<RankedRow> Page(this IQueryable<RankedRow> rows, CandidateKey? after, int size)
    {
        if (after is { } k)
        {
            rows = rows.Where(r => r.Priorities < k.Priorities
                || (r.Priorities == k.Priorities && (r.Income > k.Income || (r.Income == k.Income && r.Seq > k.Seq))));
        }

        return rows.OrderByDescending(r => r.Priorities).ThenBy(r => r.Income).ThenBy(r => r.Seq).Take(size + 1);
    }

    public static CandidateKey KeyOf(RankedRow row) => new(row.Priorities, row.Income, row.Seq);
}
