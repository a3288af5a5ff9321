using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.Security;

/// <summary>
/// Encrypts national ID numbers for storage and derives the keyed hash they are found by.
/// A plain hash would be useless protection: there are few enough valid IDs to hash them all.
/// </summary>
/// <remarks>
/// Stored format: <c>"&lt;keyId&gt;:" + base64(nonce | tag | ciphertext)</c>, AES-256-GCM with the
/// key of that id. Values written before key ids existed are the bare base64 and were encrypted
/// with <see cref="PersonalDataOptions.EncryptionKey"/> (key <c>k0</c>); base64 never contains
/// ':', so the two formats cannot be confused. Keys rotate by adding one to the ring and making it
/// active; values move to it through <see cref="ReEncrypt"/>. The lookup key cannot rotate this way
/// (see <see cref="PersonalDataOptions.LookupKey"/>).
/// </remarks>
public sealed class PersonalDataProtector
{
    private readonly EncryptionKeyRing _ring;
    private readonly byte[] _lookupKey;

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        _ring = EncryptionKeyRing.From(options.Value);
        _lookupKey = SealedBytes.ReadKey(options.Value.LookupKey, $"{PersonalDataOptions.Section}:{nameof(PersonalDataOptions.LookupKey)}");
    }

    /// <summary>The id of the key that encrypts new values.</summary>
    public string ActiveKeyId => _ring.ActiveKeyId;

    public string Encrypt(string plain)
    {
        var output = SealedBytes.Seal(_ring.ActiveKey, Encoding.UTF8.GetBytes(plain));
        return _ring.ActiveKeyId + ":" + Convert.ToBase64String(output);
    }

    /// <exception cref="UnknownEncryptionKeyException">The value's key is not in the ring.</exception>
    /// <exception cref="CryptographicException">The value was altered or is not from this key.</exception>
    public string Decrypt(string protectedText)
    {
        var (keyId, payload) = Split(protectedText);
        var key = _ring.Find(keyId) ?? throw new UnknownEncryptionKeyException(keyId, _ring.Ids);
        return Encoding.UTF8.GetString(SealedBytes.Open(key, Convert.FromBase64String(payload)));
    }

    /// <summary>The id of the key a stored value was encrypted with (<c>k0</c> for values without one).</summary>
    public static string KeyIdOf(string protectedText) => Split(protectedText).KeyId;

    /// <summary>Whether the value was encrypted with another key than the active one (read from its id; nothing is decrypted).</summary>
    public bool NeedsReEncryption(string protectedText) => !_ring.IsActive(KeyIdOf(protectedText));

    /// <summary>The value encrypted with the active key; the same text when it already is.</summary>
    public string ReEncrypt(string protectedText) =>
        NeedsReEncryption(protectedText) ? Encrypt(Decrypt(protectedText)) : protectedText;

    /// <summary>The keyed hash (HMAC-SHA256, hex) a normalized ID is looked up by.</summary>
    public string LookupHash(string normalized) =>
        Convert.ToHexString(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(normalized)));

    private static (string KeyId, string Payload) Split(string protectedText)
    {
        var colon = protectedText.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (EncryptionKeyRing.LegacyKeyId, protectedText)
            : (protectedText[..colon], protectedText[(colon + 1)..]);
    }
}
