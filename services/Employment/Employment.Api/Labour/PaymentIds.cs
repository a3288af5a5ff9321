using System.Security.Cryptography;
using System.Text;

namespace Platform.Employment.Labour;

/// <summary>
/// Name-based payment ids (RFC 9562 version 5): the same job and month always give the same id,
/// so the registry replaces the income entry of a corrected month instead of adding a second one.
/// </summary>
public static class PaymentIds
{
    private static readonly Guid Namespace = new("6f1f8f0e-5b7a-4c5e-9d57-2c1a9e0b4a11");

    public static Guid ForEarnings(Guid employmentId, int year, int month) => NameBased($"earnings:{employmentId:N}:{year:D4}-{month:D2}");

    private static Guid NameBased(string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
        var hash = SHA1.HashData(bytes);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
