using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Platform.Identity.Keys;

/// <summary>
/// OpenIddict encrypts what it reads back itself (authorization codes) with a key derived from
/// Identity:KeyProtectionKey, so every replica holds the same key: a code issued by one replica is
/// redeemed by another, and survives a restart. Access tokens stay signed JWTs, not encrypted.
/// </summary>
public sealed class EncryptWithSharedKey(KeyProtection protection) : IConfigureOptions<OpenIddictServerOptions>
{
    public const string Purpose = "pa-identity/openiddict-encryption/v1";

    public void Configure(OpenIddictServerOptions options)
    {
        var bytes = protection.Derive(Purpose);
        var key = new SymmetricSecurityKey(bytes)
        {
            // Names the key without revealing it: the first bytes of its hash.
            KeyId = "enc-" + Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(bytes)[..9]),
        };
        options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
