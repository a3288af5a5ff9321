using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.Security;

/// <summary>Keys for personal data, each 32 bytes in base64. Production keys come from a secret store.</summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>AES-256-GCM key that encrypts national ID numbers at rest.</summary>
    public string EncryptionKey { get; set; } = "";

    /// <summary>HMAC-SHA256 key for lookups: a keyed hash cannot be reversed by hashing every possible ID.</summary>
    public string LookupKey { get; set; } = "";
}

/// <summary>
/// Encrypts national ID numbers for storage and derives the keyed hash they are found by.
/// A plain hash would be useless protection: there are few enough valid IDs to hash them all.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _lookupKey;

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        _encryptionKey = ReadKey(options.Value.EncryptionKey, nameof(PersonalDataOptions.EncryptionKey));
        _lookupKey = ReadKey(options.Value.LookupKey, nameof(PersonalDataOptions.LookupKey));
    }

    public string Encrypt(string plain)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var output = new byte[NonceSize + TagSize + plainBytes.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plainBytes, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(output);
    }

    public string Decrypt(string protectedText)
    {
        var input = Convert.FromBase64String(protectedText);
        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The keyed hash (HMAC-SHA256, hex) a normalized ID is looked up by.</summary>
    public string LookupHash(string normalized) =>
        Convert.ToHexString(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(normalized)));

    private static byte[] ReadKey(string base64, string name)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            key = [];
        }

        return key.Length == 32
            ? key
            : throw new InvalidOperationException($"{PersonalDataOptions.Section}:{name} must be a base64 32-byte key.");
    }
}
