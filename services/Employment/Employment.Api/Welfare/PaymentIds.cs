using System.Security.Cryptography;
using System.Text;

namespace Platform.Employment.Welfare;

/// <summary>
/// Name-based payment ids (RFC 9562 UUID version 5): the same assignment and month always give the
/// same id, so the registry replaces an income entry on a re-run or correction instead of adding one.
/// </summary>
public static class PaymentIds
{
    private static readonly Guid Namespace = new("6f1c3a52-8d0e-4b7a-9c21-5e4f0a7b9d13");

    public static Guid ForPostPay(Guid assignmentId, int year, int month) =>
        NameBased($"public-welfare-post/{assignmentId:D}/{year:D4}-{month:D2}");

    public static Guid NameBased(string name) => NameBasedIn(Namespace, name);

    /// <summary>The version 5 UUID of <paramref name="name"/> in <paramref name="namespaceId"/>.</summary>
    public static Guid NameBasedIn(Guid namespaceId, string name)
    {
        Span<byte> buffer = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        namespaceId.TryWriteBytes(buffer, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, buffer[16..]);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(buffer, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
