using Platform.Security;

namespace Platform.Identity.Keys;

/// <summary>
/// Encrypts the signing keys' private halves for the database (AES-256-GCM, <see cref="SealedBytes"/>),
/// so a copy of the database alone cannot sign tokens.
/// </summary>
public sealed class KeyProtection(IdentityOptions options)
{
    private readonly byte[] _key = SealedBytes.ReadKey(options.KeyProtectionKey, $"{IdentityOptions.Section}:KeyProtectionKey");

    public string Protect(byte[] plain) => Convert.ToBase64String(SealedBytes.Seal(_key, plain));

    public byte[] Unprotect(string protectedText) => SealedBytes.Open(_key, Convert.FromBase64String(protectedText));

    /// <summary>A 256-bit key for one purpose (HKDF-SHA256 of the protection key): the same on every replica, never stored.</summary>
    public byte[] Derive(string purpose) =>
        System.Security.Cryptography.HKDF.DeriveKey(System.Security.Cryptography.HashAlgorithmName.SHA256, _key, 32, info: System.Text.Encoding.UTF8.GetBytes(purpose));
}
