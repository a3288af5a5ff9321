using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Security;

namespace Platform.BuildingBlocks.Tests;

public sealed class PersonalDataProtectorTests
{
    private const string Id = "11010519491231002X";
    private static readonly string EncryptionKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string LookupKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    private static PersonalDataProtector Create(string encryptionKey, string lookupKey) =>
        new(Options.Create(new PersonalDataOptions { EncryptionKey = encryptionKey, LookupKey = lookupKey }));

    private static PersonalDataProtector Create() => Create(EncryptionKey, LookupKey);

    [Fact]
    public void Encrypt_then_decrypt_round_trips()
    {
        var protector = Create();

        var cipher = protector.Encrypt(Id);

        Assert.DoesNotContain(Id, cipher, StringComparison.Ordinal);
        Assert.Equal(Id, protector.Decrypt(cipher));
        Assert.Equal(Id, Create().Decrypt(cipher));
    }

    [Fact]
    public void Each_encryption_uses_a_fresh_nonce()
    {
        var protector = Create();

        var first = protector.Encrypt(Id);
        var second = protector.Encrypt(Id);

        Assert.NotEqual(first, second);
        Assert.Equal(protector.Decrypt(first), protector.Decrypt(second));
    }

    [Fact]
    public void Tampered_ciphertext_fails_to_decrypt()
    {
        var protector = Create();
        var bytes = Convert.FromBase64String(protector.Encrypt(Id));
        bytes[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Ciphertext_from_another_key_fails_to_decrypt()
    {
        var otherKey = Convert.ToBase64String(new byte[32]);
        var cipher = Create(otherKey, LookupKey).Encrypt(Id);

        Assert.ThrowsAny<CryptographicException>(() => Create().Decrypt(cipher));
    }

    [Fact]
    public void LookupHash_is_deterministic_keyed_and_not_a_plain_hash()
    {
        var hash = Create().LookupHash(Id);

        Assert.Equal(hash, Create().LookupHash(Id));
        Assert.NotEqual(hash, Create().LookupHash("110105194912310029"));
        Assert.NotEqual(hash, Create(EncryptionKey, Convert.ToBase64String(new byte[32])).LookupHash(Id));
        Assert.NotEqual(hash, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Id))));
        Assert.Equal(64, hash.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")] // 31 bytes
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")] // 34 bytes
    public void Key_that_is_not_32_bytes_throws(string badKey)
    {
        Assert.Throws<InvalidOperationException>(() => Create(badKey, LookupKey));
        Assert.Throws<InvalidOperationException>(() => Create(EncryptionKey, badKey));
    }
}
