namespace Platform.Security;

/// <summary>Keys for personal data, each 32 bytes in base64. Production keys come from a secret store.</summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>
    /// The original single AES-256-GCM key. It is key <c>k0</c> of the ring: values written before
    /// ciphertexts carried a key id are read with it, and it encrypts new values when no
    /// <see cref="ActiveKeyId"/> is given.
    /// </summary>
    public string EncryptionKey { get; set; } = "";

    /// <summary>The key ring, key id → AES-256-GCM key (<c>PersonalData:EncryptionKeys:k1</c>, …). Old keys stay here while values still use them.</summary>
    public Dictionary<string, string> EncryptionKeys { get; set; } = [];

    /// <summary>The id of the key that encrypts new values; <c>k0</c> (<see cref="EncryptionKey"/>) when empty.</summary>
    public string ActiveKeyId { get; set; } = "";

    /// <summary>
    /// HMAC-SHA256 key for lookups: a keyed hash cannot be reversed by hashing every possible ID.
    /// It has no ring: a lookup hash is compared for equality, in this service's indexes and in the
    /// other services' replicas that received it in events, so a new key would have to rehash every
    /// stored value everywhere at once.
    /// </summary>
    public string LookupKey { get; set; } = "";
}
