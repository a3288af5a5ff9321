using System.Security.Cryptography;

namespace Platform.Identity.Keys;

/// <summary>
/// Encrypts the signing keys' private halves for the database (AES-256-GCM), so a copy of the
/// database alone cannot sign tokens.
/// </summary>
public sealed class KeyProtection
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public KeyProtection(IdentityOptions options)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(options.KeyProtectionKey);
        }
        catch (FormatException)
        {
            key = [];
        }

        _key = key.Length == 32
            ? key
            : throw new InvalidOperationException($"{IdentityOptions.Section}:KeyProtectionKey must be a base64 32-byte key.");
    }

    public string Protect(byte[] plain)
    {
        var output = new byte[NonceSize + TagSize + plain.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(output.AsSpan(0, NonceSize), plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(output);
    }

    public byte[] Unprotect(string protectedText)
    {
        var input = Convert.FromBase64String(protectedText);
        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain);
        return plain;
    }
}
