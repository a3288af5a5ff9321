using System.Globalization;

namespace Platform.Security;

public enum NationalIdProblem
{
    None,
    Missing,
    WrongLength,
    NotDigits,
    BadCheckDigit,
    BadBirthDate,
}

/// <summary>What an 18-character resident ID number says about its holder.</summary>
public readonly record struct NationalIdFacts(string Normalized, DateOnly BirthDate, bool IsMale);

/// <summary>
/// The 18-character resident identity number (居民身份证号码, GB 11643): 6-digit region,
/// 8-digit birth date, 3-digit sequence (odd for men, even for women), and an
/// ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
public static class NationalId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static NationalIdProblem Check(string? value, DateOnly today, out NationalIdFacts facts)
    {
        facts = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return NationalIdProblem.Missing;
        }

        var id = value.Trim().ToUpperInvariant();
        if (id.Length != 18)
        {
            return NationalIdProblem.WrongLength;
        }

        if (!id.AsSpan(0, 17).ContainsOnlyDigits() || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
        {
            return NationalIdProblem.NotDigits;
        }

        if (id[17] != CheckCharacterFor(id.AsSpan(0, 17)))
        {
            return NationalIdProblem.BadCheckDigit;
        }

        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > today)
        {
            return NationalIdProblem.BadBirthDate;
        }

        facts = new NationalIdFacts(id, birth, (id[16] - '0') % 2 == 1);
        return NationalIdProblem.None;
    }

    /// <summary>The MOD 11-2 check character for the first 17 digits.</summary>
    public static char CheckCharacterFor(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Masks all but the region prefix and the last four characters.</summary>
    public static string Mask(string normalized) =>
        normalized.Length == 18 ? string.Concat(normalized.AsSpan(0, 6), "********", normalized.AsSpan(14)) : "******************";

    public static string Describe(NationalIdProblem problem) => problem switch
    {
        NationalIdProblem.Missing => "is required",
        NationalIdProblem.WrongLength => "must have 18 characters",
        NationalIdProblem.NotDigits => "must be 17 digits followed by a digit or X",
        NationalIdProblem.BadCheckDigit => "has a wrong check character (ISO 7064 MOD 11-2)",
        NationalIdProblem.BadBirthDate => "does not contain a valid birth date",
        _ => "is valid",
    };
}

internal static class SpanExtensions
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span) => span.IndexOfAnyExceptInRange('0', '9') < 0;
}
