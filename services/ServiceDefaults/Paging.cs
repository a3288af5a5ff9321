using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.WebUtilities;
using Pa.Common.V1;

namespace Platform.ServiceDefaults;

/// <summary>
/// A validated page request: how many rows, the key of the last row already seen, and the list it
/// belongs to (its gRPC method), so the next page's token is made for the same list.
/// </summary>
public readonly record struct PageSpec(int Size, string? After, string List);

/// <summary>
/// Keyset paging for every List call. page_token is the key of the last row returned, wrapped so
/// that it checks itself: a version byte and a checksum over the list's name and the key. A token
/// from another list, a hand-made one or random base64 is then INVALID_ARGUMENT, never a first page.
/// The checksum is not a secret (the key is not either); it only catches tokens not made for the list.
/// </summary>
public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    private const byte Version = 1;
    private const int HeaderLength = 1 + 4;
    private const string NotOurs = "is not a token returned by this list";

    /// <summary>Reads the page request of the list <paramref name="list"/> (pass <c>context.Method</c>).</summary>
    public static PageSpec Read(PageRequest? request, FieldViolations violations, string field, string list)
    {
        var size = request?.PageSize ?? 0;
        violations.Check(size >= 0, $"{field}.page_size", "must not be negative");
        var token = request?.PageToken ?? "";
        string? after = null;
        if (token.Length > 0)
        {
            after = Open(token, list);
            violations.Check(after is not null, $"{field}.page_token", NotOurs);
        }

        return new PageSpec(size <= 0 ? DefaultSize : Math.Min(size, MaxSize), after, list);
    }

    /// <summary>The record id a page continues after (lists keyed by UUID), or null on the first page.</summary>
    public static Guid? AfterId(PageSpec page, FieldViolations violations, string field)
    {
        if (page.After is null)
        {
            return null;
        }

        if (Guid.TryParseExact(page.After, "D", out var after))
        {
            return after;
        }

        violations.Add($"{field}.page_token", NotOurs);
        return null;
    }

    /// <summary>The sequence number a page continues after (lists keyed by a row number), or null on the first page.</summary>
    public static long? AfterSeq(PageSpec page, FieldViolations violations, string field)
    {
        if (page.After is null)
        {
            return null;
        }

        if (long.TryParse(page.After, NumberStyles.None, CultureInfo.InvariantCulture, out var after))
        {
            return after;
        }

        violations.Add($"{field}.page_token", NotOurs);
        return null;
    }

    /// <summary>
    /// Builds the page response from rows fetched with one extra row: if the extra row came back,
    /// there is a next page and its token is the key of the last row shown.
    /// </summary>
    public static PageResponse Response<T>(IReadOnlyList<T> rowsPlusOne, PageSpec page, int total, Func<T, string> key) => new()
    {
        TotalSize = total,
        NextPageToken = rowsPlusOne.Count > page.Size ? Token(page.List, key(rowsPlusOne[page.Size - 1])) : "",
    };

    /// <summary>The list name a method's tokens are made for: its gRPC path, as <c>ServerCallContext.Method</c> gives it.</summary>
    public static string ListOf(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    /// <summary>The token of <paramref name="list"/> that continues after the row keyed <paramref name="key"/>.</summary>
    public static string Token(string list, string key)
    {
        var body = Encoding.UTF8.GetBytes(key);
        var bytes = new byte[HeaderLength + body.Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), Checksum(list, body));
        body.CopyTo(bytes, HeaderLength);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    /// <summary>The key inside a token made for <paramref name="list"/>, or null for any other text.</summary>
    private static string? Open(string token, string list)
    {
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length < HeaderLength || bytes[0] != Version)
        {
            return null;
        }

        var body = bytes.AsSpan(HeaderLength);
        if (BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)) != Checksum(list, body))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static uint Checksum(string list, ReadOnlySpan<byte> key)
    {
        var listBytes = Encoding.UTF8.GetBytes(list + "\n");
        var input = new byte[listBytes.Length + key.Length];
        listBytes.CopyTo(input, 0);
        key.CopyTo(input.AsSpan(listBytes.Length));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }
}
