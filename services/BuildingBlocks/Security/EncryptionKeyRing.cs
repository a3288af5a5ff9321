using System.Text.RegularExpressions;

namespace Platform.Security;

/// <summary>
/// The personal-data encryption keys by id and the one that encrypts new values, read and checked
/// once from <see cref="PersonalDataOptions"/>. Ids ignore case, as configuration keys do.
/// </summary>
internal sealed partial class EncryptionKeyRing
{
    /// <summary>The id of <see cref="PersonalDataOptions.EncryptionKey"/>, and of every value stored without an id.</summary>
    public const string LegacyKeyId = "k0";

    private const string Ring = PersonalDataOptions.Section + ":" + nameof(PersonalDataOptions.EncryptionKeys);
    private const string Active = PersonalDataOptions.Section + ":" + nameof(PersonalDataOptions.ActiveKeyId);
    private readonly Dictionary<string, byte[]> _keys;

    private EncryptionKeyRing(Dictionary<string, byte[]> keys, string activeKeyId)
    {
        _keys = keys;
        ActiveKeyId = activeKeyId;
    }

    /// <summary>The active id as the ring spells it, so ciphertexts carry one spelling.</summary>
    public string ActiveKeyId { get; }

    public byte[] ActiveKey => _keys[ActiveKeyId];

    public IEnumerable<string> Ids => _keys.Keys.Order(StringComparer.OrdinalIgnoreCase);

    public byte[]? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    public bool IsActive(string keyId) => string.Equals(keyId, ActiveKeyId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The ring the options describe; a misconfiguration throws, naming the setting.</summary>
    public static EncryptionKeyRing From(PersonalDataOptions options)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, base64) in options.EncryptionKeys)
        {
            if (!KeyIdPattern().IsMatch(id))
            {
                throw new InvalidOperationException($"{Ring} has the key id '{id}'; a key id is 1 to 16 letters, digits, '-' or '_'.");
            }

            if (!keys.TryAdd(id, SealedBytes.ReadKey(base64, $"{Ring}:{id}")))
            {
                throw new InvalidOperationException($"{Ring} names key '{id}' twice; key ids ignore case.");
            }
        }

        if (options.EncryptionKey.Length > 0)
        {
            var legacy = SealedBytes.ReadKey(options.EncryptionKey, $"{PersonalDataOptions.Section}:{nameof(PersonalDataOptions.EncryptionKey)}");
            if (keys.TryGetValue(LegacyKeyId, out var inRing) && !inRing.AsSpan().SequenceEqual(legacy))
            {
                throw new InvalidOperationException(
                    $"{PersonalDataOptions.Section}:{nameof(PersonalDataOptions.EncryptionKey)} and {Ring}:{LegacyKeyId} are both key '{LegacyKeyId}' but differ; keep one of them.");
            }

            keys[LegacyKeyId] = legacy;
        }

        if (keys.Count == 0)
        {
            throw new InvalidOperationException(
                $"No personal-data encryption key: set {PersonalDataOptions.Section}:{nameof(PersonalDataOptions.EncryptionKey)}, or {Ring}:<keyId> and {Active}.");
        }

        var activeId = options.ActiveKeyId.Length > 0 ? options.ActiveKeyId : LegacyKeyId;
        if (!keys.ContainsKey(activeId))
        {
            var ids = string.Join(", ", keys.Keys.Order(StringComparer.OrdinalIgnoreCase));
            throw new InvalidOperationException(options.ActiveKeyId.Length > 0
                ? $"{Active} is '{activeId}', which is not in the key ring ({ids})."
                : $"{Active} must name the key that encrypts new values (the key ring has {ids}).");
        }

        // The ring's spelling of the id, so every new ciphertext carries the same one.
        return new EncryptionKeyRing(keys, keys.Keys.First(id => string.Equals(id, activeId, StringComparison.OrdinalIgnoreCase)));
    }

    // No ':' (it ends the id in a ciphertext), and short, so a prefixed value still fits its 128-character column.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,16}$")]
    private static partial Regex KeyIdPattern();
}
