using System.Security.Cryptography;
using System.Text;

namespace Platform.Employment.Assets;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5): the same payment always gets the same id, so the registry
/// replaces its income entry on a re-run instead of adding a second one.
/// </summary>
public static class DeterministicIds
{
    /// <summary>The namespace of employment's dividend payments (a fixed random UUID).</summary>
    private static readonly Guid DividendNamespace = new("6f1d5f0e-3f4b-4c0e-9a57-2b8f3c1d7e42");

    public static Guid DividendPayment(Guid projectId, string runKey, Guid householdId) =>
        NameBased(DividendNamespace, $"{projectId:N}/{householdId:N}/{runKey}");

    public static Guid NameBased(Guid ns, string name)
    {
        Span<byte> input = stackalloc byte[16];
        ns.TryWriteBytes(input, bigEndian: true, out _);
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        input.CopyTo(bytes);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what version 5 UUIDs are defined with; not used for security.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
