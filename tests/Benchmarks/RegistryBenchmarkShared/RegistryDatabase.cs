using System.Text.Json;
using Microsoft.Data.Sqlite;
using Platform.Security;

namespace Platform.Benchmarks.Registry;

/// <summary>The personal-data keys a registry database was written with; a database is unreadable without them.</summary>
public sealed record PersonalDataKeys(string EncryptionKey, string LookupKey);

/// <summary>
/// A registry SQLite file and, beside it in "&lt;file&gt;.keys.json", the keys its national IDs were
/// encrypted and hashed with, so a database built once can be served again by a later run.
/// </summary>
public sealed class RegistryDatabase
{
    private RegistryDatabase(string path, PersonalDataKeys keys)
    {
        Path = path;
        Keys = keys;
    }

    public string Path { get; }

    public PersonalDataKeys Keys { get; }

    public bool Exists => File.Exists(Path);

    private static string KeysPath(string path) => path + ".keys.json";

    /// <summary>The database at <paramref name="path"/> with its stored keys, or new keys (saved) when there is no database yet.</summary>
    public static RegistryDatabase Open(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        if (File.Exists(path))
        {
            var keys = File.Exists(KeysPath(path))
                ? JsonSerializer.Deserialize<PersonalDataKeys>(File.ReadAllText(KeysPath(path)))!
                : throw new InvalidOperationException($"{path} exists but {KeysPath(path)} does not: its national IDs cannot be read.");
            return new RegistryDatabase(path, keys);
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var fresh = new PersonalDataKeys(DevSecrets.NewKey(), DevSecrets.NewKey());
        File.WriteAllText(KeysPath(path), JsonSerializer.Serialize(fresh));
        return new RegistryDatabase(path, fresh);
    }

    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, $"{Path}-wal", $"{Path}-shm", KeysPath(Path) })
        {
            File.Delete(file);
        }
    }

    public long SizeBytes => new[] { Path, $"{Path}-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
}
