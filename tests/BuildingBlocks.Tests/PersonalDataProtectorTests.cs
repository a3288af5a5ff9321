using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Security;

namespace Platform.BuildingBlocks.Tests;

public sealed class PersonalDataProtectorTests
{
    private const string Id = "11010519491231002X";
    private static readonly string EncryptionKey = Key(1);
    private static readonly string LookupKey = Key(100);
    private static readonly string NewKey = Key(33);
    private static readonly string NewerKey = Key(65);

    private static string Key(int first) => Convert.ToBase64String(Enumerable.Range(first, 32).Select(i => (byte)i).ToArray());

    private static PersonalDataProtector Create(string encryptionKey, string lookupKey) =>
        new(Options.Create(new PersonalDataOptions { EncryptionKey = encryptionKey, LookupKey = lookupKey }));

    private static PersonalDataProtector Create() => Create(EncryptionKey, LookupKey);

    /// <summary>A protector configured as a service is, from settings such as <c>PersonalData:EncryptionKeys:k1=…</c>.</summary>
    private static PersonalDataProtector FromSettings(params string[] settings) => new(Options.Create(Bind(settings)));

    private static PersonalDataOptions Bind(string[] settings)
    {
        var pairs = settings.Select(s => s.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], (string?)p[1]));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(pairs).Build();
        return configuration.GetSection(PersonalDataOptions.Section).Get<PersonalDataOptions>() ?? new PersonalDataOptions();
    }

    /// <summary>The old key (k0) still configured the old way, a new key k1 in the ring and active.</summary>
    private static PersonalDataProtector Rotated() => FromSettings(
        $"PersonalData:EncryptionKey={EncryptionKey}",
        $"PersonalData:EncryptionKeys:k1={NewKey}",
        "PersonalData:ActiveKeyId=k1",
        $"PersonalData:LookupKey={LookupKey}");

    /// <summary>Exactly what the protector wrote before ciphertexts carried a key id.</summary>
    private static string LegacyEncrypt(string base64Key, string plain)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var output = new byte[12 + 16 + plainBytes.Length];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Convert.FromBase64String(base64Key), 16);
        aes.Encrypt(nonce, plainBytes, output.AsSpan(12 + 16), output.AsSpan(12, 16));
        return Convert.ToBase64String(output);
    }

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
        var cipher = protector.Encrypt(Id);
        var prefix = cipher[..(cipher.IndexOf(':', StringComparison.Ordinal) + 1)];
        var bytes = Convert.FromBase64String(cipher[prefix.Length..]);
        bytes[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(prefix + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Ciphertext_from_another_key_fails_to_decrypt()
    {
        var otherKey = Convert.ToBase64String(new byte[32]);
        var cipher = Create(otherKey, LookupKey).Encrypt(Id);

        Assert.ThrowsAny<CryptographicException>(() => Create().Decrypt(cipher));
    }

    [Fact]
    public void Legacy_ciphertext_without_a_key_id_still_decrypts()
    {
        var legacy = LegacyEncrypt(EncryptionKey, Id);

        Assert.DoesNotContain(':', legacy);
        Assert.Equal(Id, Create().Decrypt(legacy));
        Assert.Equal("k0", PersonalDataProtector.KeyIdOf(legacy));
    }

    [Fact]
    public void Legacy_ciphertext_decrypts_with_the_old_key_moved_into_the_ring_as_k0()
    {
        var protector = FromSettings(
            $"PersonalData:EncryptionKeys:k0={EncryptionKey}",
            $"PersonalData:EncryptionKeys:k1={NewKey}",
            "PersonalData:ActiveKeyId=k1",
            $"PersonalData:LookupKey={LookupKey}");

        Assert.Equal(Id, protector.Decrypt(LegacyEncrypt(EncryptionKey, Id)));
    }

    [Fact]
    public void New_ciphertext_carries_the_active_key_id()
    {
        Assert.StartsWith("k0:", Create().Encrypt(Id), StringComparison.Ordinal);
        Assert.StartsWith("k1:", Rotated().Encrypt(Id), StringComparison.Ordinal);
        Assert.Equal("k1", Rotated().ActiveKeyId);
        Assert.Equal("k1", PersonalDataProtector.KeyIdOf(Rotated().Encrypt(Id)));
    }

    [Fact]
    public void Active_key_id_is_written_as_the_ring_spells_it()
    {
        var protector = FromSettings($"PersonalData:EncryptionKeys:Key-2026={NewKey}", "PersonalData:ActiveKeyId=KEY-2026", $"PersonalData:LookupKey={LookupKey}");

        var cipher = protector.Encrypt(Id);

        Assert.StartsWith("Key-2026:", cipher, StringComparison.Ordinal);
        Assert.Equal(Id, protector.Decrypt("key-2026" + cipher[cipher.IndexOf(':', StringComparison.Ordinal)..]));
    }

    [Fact]
    public void A_prefixed_id_number_fits_its_128_character_column_with_the_longest_key_id()
    {
        var protector = FromSettings($"PersonalData:EncryptionKeys:abcdefghijklmnop={NewKey}", "PersonalData:ActiveKeyId=abcdefghijklmnop", $"PersonalData:LookupKey={LookupKey}");

        Assert.InRange(protector.Encrypt(Id).Length, 1, 128);
    }

    [Fact]
    public void After_rotation_old_legacy_and_new_values_all_decrypt()
    {
        var legacy = LegacyEncrypt(EncryptionKey, Id);
        var beforeRotation = Create().Encrypt(Id);
        var rotated = Rotated();

        var afterRotation = rotated.Encrypt("110105194912310029");

        Assert.Equal(Id, rotated.Decrypt(legacy));
        Assert.Equal(Id, rotated.Decrypt(beforeRotation));
        Assert.Equal("110105194912310029", rotated.Decrypt(afterRotation));
    }

    [Fact]
    public void Value_whose_key_left_the_ring_fails_naming_the_key()
    {
        var cipher = Rotated().Encrypt(Id);
        var withoutK1 = FromSettings($"PersonalData:EncryptionKeys:k2={NewerKey}", "PersonalData:ActiveKeyId=k2", $"PersonalData:LookupKey={LookupKey}");

        var error = Assert.Throws<UnknownEncryptionKeyException>(() => withoutK1.Decrypt(cipher));

        Assert.Equal("k1", error.KeyId);
        Assert.Contains("key 'k1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("(k2)", error.Message, StringComparison.Ordinal);
        Assert.IsNotAssignableFrom<CryptographicException>(error);
    }

    [Fact]
    public void A_replica_without_the_new_key_cannot_read_values_written_with_it()
    {
        // Why rotation deploys the new key to every replica before any replica makes it active.
        var error = Assert.Throws<UnknownEncryptionKeyException>(() => Create().Decrypt(Rotated().Encrypt(Id)));

        Assert.Equal("k1", error.KeyId);
    }

    [Fact]
    public void Legacy_value_without_the_legacy_key_fails_naming_k0_and_its_setting()
    {
        var withoutK0 = FromSettings($"PersonalData:EncryptionKeys:k1={NewKey}", "PersonalData:ActiveKeyId=k1", $"PersonalData:LookupKey={LookupKey}");

        var error = Assert.Throws<UnknownEncryptionKeyException>(() => withoutK0.Decrypt(LegacyEncrypt(EncryptionKey, Id)));

        Assert.Equal("k0", error.KeyId);
        Assert.Contains("PersonalData:EncryptionKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NeedsReEncryption_is_true_only_for_values_of_another_key()
    {
        var legacy = LegacyEncrypt(EncryptionKey, Id);
        var old = Create().Encrypt(Id);
        var rotated = Rotated();

        Assert.False(Create().NeedsReEncryption(legacy));
        Assert.False(Create().NeedsReEncryption(old));
        Assert.True(rotated.NeedsReEncryption(legacy));
        Assert.True(rotated.NeedsReEncryption(old));
        Assert.False(rotated.NeedsReEncryption(rotated.Encrypt(Id)));
    }

    [Fact]
    public void ReEncrypt_moves_old_values_to_the_active_key_and_leaves_current_ones()
    {
        var rotated = Rotated();
        var current = rotated.Encrypt(Id);

        foreach (var old in new[] { LegacyEncrypt(EncryptionKey, Id), Create().Encrypt(Id) })
        {
            var moved = rotated.ReEncrypt(old);

            Assert.StartsWith("k1:", moved, StringComparison.Ordinal);
            Assert.False(rotated.NeedsReEncryption(moved));
            Assert.Equal(Id, rotated.Decrypt(moved));
        }

        Assert.Same(current, rotated.ReEncrypt(current));
    }

    [Fact]
    public void Values_moved_to_the_new_key_survive_removing_the_old_one()
    {
        var moved = Rotated().ReEncrypt(LegacyEncrypt(EncryptionKey, Id));
        var withoutK0 = FromSettings($"PersonalData:EncryptionKeys:k1={NewKey}", "PersonalData:ActiveKeyId=k1", $"PersonalData:LookupKey={LookupKey}");

        Assert.Equal(Id, withoutK0.Decrypt(moved));
    }

    [Fact]
    public void ReEncrypt_of_a_value_whose_key_is_gone_fails_naming_the_key()
    {
        var cipher = Rotated().Encrypt(Id);
        var withoutK1 = FromSettings($"PersonalData:EncryptionKeys:k2={NewerKey}", "PersonalData:ActiveKeyId=k2", $"PersonalData:LookupKey={LookupKey}");

        Assert.True(withoutK1.NeedsReEncryption(cipher));
        Assert.Equal("k1", Assert.Throws<UnknownEncryptionKeyException>(() => withoutK1.ReEncrypt(cipher)).KeyId);
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

    [Fact]
    public void LookupHash_does_not_change_when_the_encryption_key_rotates()
    {
        Assert.Equal(Create().LookupHash(Id), Rotated().LookupHash(Id));
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

    [Theory]
    [InlineData("PersonalData:ActiveKeyId=k9", "PersonalData:ActiveKeyId is 'k9', which is not in the key ring (k0, k1).")]
    [InlineData("PersonalData:EncryptionKeys:k2=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", "PersonalData:EncryptionKeys:k2 must be a base64 32-byte key.")]
    [InlineData("PersonalData:EncryptionKeys:k2=not base64!", "PersonalData:EncryptionKeys:k2 must be a base64 32-byte key.")]
    [InlineData("PersonalData:EncryptionKeys:k0=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "PersonalData:EncryptionKey and PersonalData:EncryptionKeys:k0 are both key 'k0' but differ; keep one of them.")]
    [InlineData("PersonalData:EncryptionKeys:key.2026=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "PersonalData:EncryptionKeys has the key id 'key.2026'; a key id is 1 to 16 letters, digits, '-' or '_'.")]
    [InlineData("PersonalData:EncryptionKeys:abcdefghijklmnopq=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "PersonalData:EncryptionKeys has the key id 'abcdefghijklmnopq'; a key id is 1 to 16 letters, digits, '-' or '_'.")]
    public void Bad_key_ring_is_refused_naming_the_setting(string extraSetting, string message)
    {
        string[] settings =
        [
            $"PersonalData:EncryptionKey={EncryptionKey}",
            $"PersonalData:EncryptionKeys:k1={NewKey}",
            $"PersonalData:LookupKey={LookupKey}",
            extraSetting,
        ];

        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => FromSettings(settings)).Message);
    }

    [Fact]
    public void Ring_without_k0_needs_an_active_key_id()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FromSettings($"PersonalData:EncryptionKeys:k1={NewKey}", $"PersonalData:EncryptionKeys:k2={NewerKey}", $"PersonalData:LookupKey={LookupKey}"));

        Assert.Equal("PersonalData:ActiveKeyId must name the key that encrypts new values (the key ring has k1, k2).", error.Message);
    }

    [Fact]
    public void No_encryption_key_at_all_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FromSettings($"PersonalData:LookupKey={LookupKey}"));

        Assert.StartsWith("No personal-data encryption key: set PersonalData:EncryptionKey, or PersonalData:EncryptionKeys:<keyId>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_ids_differing_only_in_case_are_refused()
    {
        var options = new PersonalDataOptions { EncryptionKeys = new() { ["k1"] = NewKey, ["K1"] = NewerKey }, ActiveKeyId = "k1", LookupKey = LookupKey };

        var error = Assert.Throws<InvalidOperationException>(() => new PersonalDataProtector(Options.Create(options)));

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_with_a_bad_key_ring_does_not_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PersonalData:EncryptionKey"] = EncryptionKey,
            ["PersonalData:ActiveKeyId"] = "k1",
            ["PersonalData:LookupKey"] = LookupKey,
        });
        builder.Services.AddPersonalDataProtection();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PersonalData:ActiveKeyId is 'k1', which is not in the key ring (k0).", error.Message, StringComparison.Ordinal);
    }
}
