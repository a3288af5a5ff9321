using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Npgsql;
using Platform.LocalServers;

namespace Platform.LocalPostgres;

/// <summary>
/// Where and how a private PostgreSQL cluster runs: its own data folder, a port on loopback, no
/// Unix socket, trust authentication for the superuser <see cref="User"/> (loopback only). It
/// never meets the system-wide cluster the Debian package creates.
/// </summary>
public sealed record PostgresCluster(string DataDirectory, int Port)
{
    /// <summary>The superuser initdb creates; trusted on loopback, so no password is needed.</summary>
    public const string User = "pa";

    /// <summary>The OS account postgres runs as when we are root (initdb and postgres refuse root).</summary>
    public const string OsUser = "postgres";

    /// <summary>The newest installed server's bin folder, e.g. /usr/lib/postgresql/15/bin; null when none is installed.</summary>
    public static string? BinDirectory =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Dir, "bin", "postgres")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin"))
                .FirstOrDefault()
            : null;

    public static bool IsInstalled => BinDirectory is not null;

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>A connection string to <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = User,
            Database = database,
        }.ConnectionString;

    /// <summary>
    /// The program and arguments that run the server in the foreground. As root it is started
    /// through setpriv as the package's postgres account: setpriv replaces itself with postgres, so
    /// stopping the process stops the server. <paramref name="settings"/> are extra "-c name=value".
    /// </summary>
    public (string File, IReadOnlyList<string> Arguments) ServerCommand(IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = Path.Combine(RequireBin(), "postgres");
        var arguments = new List<string>
        {
            "-D", DataDirectory,
            "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-h", "127.0.0.1",
            // No Unix socket: the cluster is reached over loopback TCP only, and needs no socket folder.
            "-c", "unix_socket_directories=",
            "-c", "listen_addresses=127.0.0.1",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            arguments.Add("-c");
            arguments.Add($"{name}={value}");
        }

        return AsPostgresUser(server, arguments);
    }

    /// <summary>The program as the postgres account when we are root (setpriv execs it), or as it is.</summary>
    private static (string File, IReadOnlyList<string> Arguments) AsPostgresUser(string program, IReadOnlyList<string> arguments) =>
        IsRoot
            ? ("/usr/bin/setpriv", ["--reuid", OsUser, "--regid", OsUser, "--init-groups", "--", program, .. arguments])
            : (program, arguments);

    /// <summary>
    /// Creates the cluster with initdb unless the data folder already holds one. UTF-8 with the C
    /// locale: text sorts by code point, as SQLite and the platform's keyset paging expect.
    /// </summary>
    public async Task InitializeAsync(Action<string> report, CancellationToken cancellationToken = default)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        report($"initdb: creating a PostgreSQL cluster in {DataDirectory}");
        Directory.CreateDirectory(DataDirectory);
        if (IsRoot)
        {
            await DebianPackage.RunAsync("chown", ["-R", $"{OsUser}:{OsUser}", DataDirectory], report, cancellationToken);
        }

        var initdb = Path.Combine(RequireBin(), "initdb");
        string[] arguments = ["-D", DataDirectory, "-A", "trust", "-U", User, "-E", "UTF8", "--locale=C", "--no-instructions"];
        var (file, asUser) = AsPostgresUser(initdb, arguments);
        var code = await DebianPackage.RunAsync(file, asUser, report, cancellationToken);
        if (code != 0)
        {
            throw new InvalidOperationException($"initdb failed in {DataDirectory} (exit {code}).");
        }
    }

    /// <summary>True once the server accepts a connection.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Timeout=2;Pooling=false");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Creates <paramref name="database"/> unless it exists (replicas of one service share it).</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by a concurrent caller in the meantime.
        }
    }

    /// <summary>Installs Debian's postgresql when it is missing (needs root), reporting each step.</summary>
    public static Task EnsureInstalledAsync(Action<string> report, CancellationToken cancellationToken = default) =>
        DebianPackage.EnsureInstalledAsync("postgresql", IsInstalled, report, cancellationToken);

    private string RequireBin() =>
        BinDirectory ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/postgres).");
}
