using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Platform.Portal.Officers;

/// <summary>
/// The keys that encrypt the officers' sign-in cookies (which hold their access tokens) are written to a
/// folder the portal's replicas share, encrypted at rest with Portal:KeyProtectionKey (AES-256-GCM, the
/// key from the secret store): a copy of the folder alone opens no officer's session.
/// </summary>
public static class CookieKeys
{
    public static IServiceCollection AddCookieKeys(this IServiceCollection services, PortalOptions portal, string folder)
    {
        var key = ParseKey(portal.KeyProtectionKey);
        services.AddDataProtection().SetApplicationName("pa-portal").PersistKeysToFileSystem(new DirectoryInfo(folder));
        services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new SecretXmlEncryptor(key));
        return services;
    }

    internal static byte[] ParseKey(string? base64)
    {
        try
        {
            var key = Convert.FromBase64String(base64 ?? "");
            if (key.Length == 32)
            {
                return key;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidOperationException($"{PortalOptions.Section}:KeyProtectionKey must be a base64 AES-256 key (32 bytes).");
    }
}

/// <summary>Encrypts a data-protection key's XML with the portal's key-protection key.</summary>
public sealed class SecretXmlEncryptor(byte[] key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        var element = new XElement("sealed",
            new XComment(" Encrypted with Portal:KeyProtectionKey (AES-256-GCM). "),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(cipher)));
        return new EncryptedXmlInfo(element, typeof(SecretXmlDecryptor));
    }
}

/// <summary>Opens what <see cref="SecretXmlEncryptor"/> sealed; created by the data-protection system by type name.</summary>
public sealed class SecretXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = CookieKeys.ParseKey(services.GetRequiredService<IOptions<PortalOptions>>().Value.KeyProtectionKey);
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var cipher = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Decrypt(nonce, cipher, tag, plain);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
