using System.Text.Json;

namespace Platform.Security;

/// <summary>
/// Keys for local runs, created once in the data folder and reused, so data encrypted in one run
/// can be read in the next and tokens minted by the command line are accepted by the services.
/// Production keys come from the province's secret store, never from this file.
/// </summary>
public sealed record DevSecrets(string SigningKey, string EncryptionKey, string LookupKey)
{
    public const string FileName = "dev-secrets.json";

    /// <summary>
    /// Reads the keys from the data folder, creating the folder and the keys when missing. What it
    /// creates goes to <paramref name="say"/> with the full path, so a new user learns where the
    /// run keeps its data and that deleting the file means new keys (and unreadable old data).
    /// </summary>
    public static DevSecrets LoadOrCreate(string dataDirectory, Action<string>? say = null)
    {
        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<DevSecrets>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} is empty; delete it to create new development keys.");
        }

        if (!Directory.Exists(dataDirectory))
        {
            Directory.CreateDirectory(dataDirectory);
            say?.Invoke(CreatedFolder(dataDirectory));
        }

        var secrets = new DevSecrets(DevTokenIssuer.NewKey(), DevTokenIssuer.NewKey(), DevTokenIssuer.NewKey());
        File.WriteAllText(path, JsonSerializer.Serialize(secrets, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        say?.Invoke(CreatedKeys(path));
        return secrets;
    }

    public static string CreatedFolder(string dataDirectory) => $"Created the data folder {Path.GetFullPath(dataDirectory)}";

    public static string CreatedKeys(string path) =>
        $"Created development keys in {Path.GetFullPath(path)} (token signing, ID encryption and lookup; local runs only)";
}
