using System.Security.Cryptography;
using System.Text.Json;

namespace Platform.Security;

/// <summary>
/// Secrets for local runs, created once in the data folder and reused, so data encrypted in one run
/// can be read in the next and the development officers keep their password. Production secrets
/// come from the province's secret store, never from this file.
/// </summary>
/// <param name="EncryptionKey">Encrypts national ID numbers at rest (PersonalData:EncryptionKey).</param>
/// <param name="LookupKey">The keyed hash ID numbers are found by (PersonalData:LookupKey).</param>
/// <param name="IdentityKey">Protects the identity service's signing keys in its database (Identity:KeyProtectionKey).</param>
/// <param name="DevelopmentPassword">The password of the development officers and the secret of the development clients.</param>
/// <param name="PortalKey">Protects the keys of the portal's sign-in cookies in the data folder (Portal:KeyProtectionKey).</param>
public sealed record DevSecrets(string EncryptionKey, string LookupKey, string IdentityKey, string DevelopmentPassword, string PortalKey)
{
    public const string FileName = "dev-secrets.json";

    /// <summary>
    /// Reads the secrets from the data folder, creating the folder and the secrets when missing. What it
    /// creates goes to <paramref name="say"/> with the full path, so a new user learns where the
    /// run keeps its data and that deleting the file means new keys (and unreadable old data).
    /// A file of an earlier version keeps its keys and gains the secrets it lacks.
    /// </summary>
    public static DevSecrets LoadOrCreate(string dataDirectory, Action<string>? say = null)
    {
        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        if (File.Exists(path))
        {
            var read = JsonSerializer.Deserialize<DevSecrets>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} is empty; delete it to create new development keys.");
            var complete = read with
            {
                EncryptionKey = read.EncryptionKey ?? NewKey(),
                LookupKey = read.LookupKey ?? NewKey(),
                IdentityKey = read.IdentityKey ?? NewKey(),
                DevelopmentPassword = read.DevelopmentPassword ?? NewPassword(),
                PortalKey = read.PortalKey ?? NewKey(),
            };
            if (complete != read)
            {
                Write(path, complete);
                say?.Invoke($"Added the missing development secrets to {path}");
            }

            return complete;
        }

        if (!Directory.Exists(dataDirectory))
        {
            Directory.CreateDirectory(dataDirectory);
            say?.Invoke(CreatedFolder(dataDirectory));
        }

        var secrets = new DevSecrets(NewKey(), NewKey(), NewKey(), NewPassword(), NewKey());
        Write(path, secrets);
        say?.Invoke(CreatedKeys(path));
        return secrets;
    }

    /// <summary>A fresh random 32-byte key in base64, the form the platform's key settings expect.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string CreatedFolder(string dataDirectory) => $"Created the data folder {Path.GetFullPath(dataDirectory)}";

    public static string CreatedKeys(string path) =>
        $"Created development secrets in {Path.GetFullPath(path)} (ID encryption and lookup keys, the identity service's key, the development officers' password; local runs only)";

    /// <summary>Letters and digits only, so it can be typed and passed on a command line.</summary>
    private static string NewPassword() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    private static void Write(string path, DevSecrets secrets)
    {
        File.WriteAllText(path, JsonSerializer.Serialize(secrets, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
