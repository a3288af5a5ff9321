namespace Platform.Security;

/// <summary>
/// A stored value names a key that is not in the ring: configuration, not tampering, so it is not
/// a <see cref="System.Security.Cryptography.CryptographicException"/>.
/// </summary>
public sealed class UnknownEncryptionKeyException(string keyId, IEnumerable<string> ring) : InvalidOperationException(
    $"The value was encrypted with key '{keyId}'{(string.Equals(keyId, EncryptionKeyRing.LegacyKeyId, StringComparison.OrdinalIgnoreCase) ? $" ({PersonalDataOptions.Section}:{nameof(PersonalDataOptions.EncryptionKey)}, values without a key id)" : "")}, "
    + $"which is not in the key ring ({string.Join(", ", ring)}). Put it back in {PersonalDataOptions.Section}:{nameof(PersonalDataOptions.EncryptionKeys)}; "
    + "a key may leave the ring only once no value uses it.")
{
    public string KeyId { get; } = keyId;
}
