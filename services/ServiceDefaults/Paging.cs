using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Pa.Common.V1;

namespace Platform.ServiceDefaults;

/// <summary>A validated page request: how many rows, and the key of the last row already seen.</summary>
public readonly record struct PageSpec(int Size, string? After);

/// <summary>Keyset paging for every List call: page_token is the opaque key of the last row returned.</summary>
public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static PageSpec Read(PageRequest? request, FieldViolations violations, string field)
    {
        var size = request?.PageSize ?? 0;
        violations.Check(size >= 0, $"{field}.page_size", "must not be negative");
        var token = request?.PageToken ?? "";
        string? after = null;
        if (token.Length > 0)
        {
            try
            {
                after = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            }
            catch (FormatException)
            {
                violations.Add($"{field}.page_token", "is not a token returned by this service");
            }
        }

        return new PageSpec(size <= 0 ? DefaultSize : Math.Min(size, MaxSize), after);
    }

    /// <summary>The record id a page continues after (lists keyed by UUID), or null on the first page; a token that is not one is a field violation.</summary>
    public static Guid? AfterId(PageSpec page, FieldViolations violations, string field)
    {
        if (page.After is null)
        {
            return null;
        }

        if (Guid.TryParse(page.After, out var after))
        {
            return after;
        }

        violations.Add($"{field}.page_token", "is not a token returned by this service");
        return null;
    }

    /// <summary>
    /// Builds the page response from rows fetched with one extra row: if the extra row came back,
    /// there is a next page and its token is the key of the last row shown.
    /// </summary>
    public static PageResponse Response<T>(IReadOnlyList<T> rowsPlusOne, int size, int total, Func<T, string> key) => new()
    {
        TotalSize = total,
        NextPageToken = rowsPlusOne.Count > size ? Token(key(rowsPlusOne[size - 1])) : "",
    };

    public static string Token(string key) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(key));
}
