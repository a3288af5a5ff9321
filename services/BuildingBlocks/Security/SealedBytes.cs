using System.Security.Cryptography;

namespace Platform.Security;

/// <summary>
/// AES-256-GCM as the platform stores secrets at rest: nonce | tag | ciphertext in one array, a
/// fresh random nonce per value. Used for national ID numbers and the identity service's signing keys.
/// </summary>
public static class SealedBytes
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Seal(byte[] key, byte[] plain)
    {
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return output;
    }

    /// <exception cref="CryptographicException">The value was altered, is too short, or is not from this key.</exception>
    public static byte[] Open(byte[] key, byte[] sealedValue)
    {
        if (sealedValue.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected value is shorter than a nonce and a tag.");
        }

        var plain = new byte[sealedValue.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize), plain);
        return plain;
    }

    /// <summary>A base64 32-byte key from configuration, or an error naming its setting.</summary>
    public static byte[] ReadKey(string base64, string setting)
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

        return key.Length == 32 ? key : throw new InvalidOperationException($"{setting} must be a base64 32-byte key.");
    }
}
