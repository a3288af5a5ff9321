using Platform.Security;

namespace Platform.BuildingBlocks.Tests;

/// <summary>The AppHost and `pa token` say what they create in the data folder, and only then.</summary>
public sealed class DevSecretsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"pa-devsecrets-{Guid.NewGuid():N}");

    [Fact]
    public void A_first_run_says_it_created_the_data_folder_and_the_keys_with_their_paths()
    {
        var dataDirectory = Path.Combine(_root, ".data");
        var said = new List<string>();

        DevSecrets.LoadOrCreate(dataDirectory, said.Add);

        Assert.Equal(
            [$"Created the data folder {dataDirectory}", DevSecrets.CreatedKeys(Path.Combine(dataDirectory, DevSecrets.FileName))],
            said);
        Assert.Contains(Path.Combine(dataDirectory, "dev-secrets.json"), said[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_folder_gets_only_the_keys_message()
    {
        Directory.CreateDirectory(_root);
        var said = new List<string>();

        DevSecrets.LoadOrCreate(_root, said.Add);

        Assert.StartsWith($"Created development secrets in {Path.Combine(_root, DevSecrets.FileName)}", Assert.Single(said), StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_run_reuses_the_keys_and_says_nothing()
    {
        var first = DevSecrets.LoadOrCreate(_root);
        var said = new List<string>();

        var second = DevSecrets.LoadOrCreate(_root, said.Add);

        Assert.Equal(first, second);
        Assert.Empty(said);
    }

    [Fact]
    public void A_file_of_an_earlier_version_keeps_its_keys_and_gains_the_missing_secrets()
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, DevSecrets.FileName);
        File.WriteAllText(path, """{ "SigningKey": "old", "EncryptionKey": "enc", "LookupKey": "look" }""");
        var said = new List<string>();

        var secrets = DevSecrets.LoadOrCreate(_root, said.Add);

        Assert.Equal(("enc", "look"), (secrets.EncryptionKey, secrets.LookupKey));
        Assert.Equal(32, Convert.FromBase64String(secrets.IdentityKey).Length);
        Assert.Equal(20, secrets.DevelopmentPassword.Length);
        Assert.Equal(secrets, DevSecrets.LoadOrCreate(_root));
        Assert.Equal($"Added the missing development secrets to {path}", Assert.Single(said));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
