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

    public static DevSecrets LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<DevSecrets>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} is empty; delete it to create new development keys.");
        }

        Directory.CreateDirectory(dataDirectory);
        var secrets = new DevSecrets(DevTokenIssuer.NewKey(), DevTokenIssuer.NewKey(), DevTokenIssuer.NewKey());
        File.WriteAllText(path, JsonSerializer.Serialize(secrets, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secrets;
    }
}
