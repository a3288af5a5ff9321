namespace Platform.Security;

public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Village = 5,
}

/// <summary>
/// A 12-digit national statistical division code: 2 digits province, 2 city, 2 county,
/// 3 township (乡/镇), 3 village (村). A zero segment means "this level and below are not
/// named", so once a segment is zero every later one must be zero too.
/// </summary>
public readonly record struct RegionCode
{
    private static readonly int[] SegmentEnds = [2, 4, 6, 9, 12];

    private RegionCode(string value, RegionLevel level)
    {
        Value = value;
        Level = level;
    }

    public string Value { get; }

    public RegionLevel Level { get; }

    /// <summary>The digits that identify this node; every descendant's code starts with them.</summary>
    public string SignificantPrefix => Value[..SegmentEnds[(int)Level - 1]];

    public static bool TryParse(string? text, out RegionCode code)
    {
        code = default;
        if (text is not { Length: 12 } || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        var level = 0;
        var start = 0;
        foreach (var end in SegmentEnds)
        {
            var segmentIsZero = text.AsSpan(start, end - start).IndexOfAnyExcept('0') < 0;
            if (segmentIsZero)
            {
                break;
            }

            level++;
            start = end;
        }

        if (level == 0 || text.AsSpan(start).IndexOfAnyExcept('0') >= 0)
        {
            return false;
        }

        code = new RegionCode(text, (RegionLevel)level);
        return true;
    }

    public static RegionCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a 12-digit region code.");

    /// <summary>True when <paramref name="other"/> is this node or one of its descendants.</summary>
    public bool Covers(RegionCode other) => other.Value.StartsWith(SignificantPrefix, StringComparison.Ordinal);

    /// <summary>The node one level up, or null for a province.</summary>
    public RegionCode? Parent
    {
        get
        {
            if (Level == RegionLevel.Province)
            {
                return null;
            }

            var parentEnd = SegmentEnds[(int)Level - 2];
            return Parse(Value[..parentEnd].PadRight(12, '0'));
        }
    }

    /// <summary>The ancestor (or self) at the given level; null when this node is above it.</summary>
    public RegionCode? AncestorAt(RegionLevel level) =>
        level > Level ? null : Parse(Value[..SegmentEnds[(int)level - 1]].PadRight(12, '0'));

    public override string ToString() => Value;
}
