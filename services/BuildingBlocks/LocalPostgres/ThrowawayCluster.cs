using System.Diagnostics;
using System.Globalization;
using Platform.LocalServers;

namespace Platform.LocalPostgres;

/// <summary>
/// One private PostgreSQL cluster per test or benchmark process, started on first use in a temp
/// folder and removed when the process exits. A folder left by a process that died (its owner pid
/// is gone) is cleaned up, server included, by the next process that starts one.
/// Set PLATFORM_TEST_POSTGRES to a superuser connection string to use a running server instead.
/// </summary>
public static class ThrowawayCluster
{
    public const string ServerVariable = "PLATFORM_TEST_POSTGRES";

    private const string FolderPrefix = "pa-pg-throwaway-";

    private static readonly Lazy<Task<Func<string, string>>> Server = new(StartAsync);

    /// <summary>A new, empty database on the process's cluster; answers its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var connectionString = await Server.Value;
        var name = $"{prefix}_{Guid.NewGuid():N}".Replace('-', '_');
        await using var connection = new Npgsql.NpgsqlConnection(connectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return connectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its pooled connections first.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        Npgsql.NpgsqlConnection.ClearPool(new Npgsql.NpgsqlConnection(connectionString));
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new Npgsql.NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<Func<string, string>> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return database => new Npgsql.NpgsqlConnectionStringBuilder(given) { Database = database }.ConnectionString;
        }

        RemoveAbandoned();
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var server = new PostgresProcess(new PostgresCluster(Path.Combine(folder, "data"), Loopback.FreePort()));
        await server.StartAsync(TimeSpan.FromSeconds(60), PostgresProcess.Disposable);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.Shutdown();
            TryDelete(folder);
        };
        return server.Cluster.ConnectionString;
    }

    /// <summary>Folders of processes that died without cleaning up: stop their server, remove the folder.</summary>
    private static void RemoveAbandoned()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (IsAlive(Path.Combine(folder, "owner.pid")))
            {
                continue;
            }

            var postmaster = Path.Combine(folder, "data", "postmaster.pid");
            if (IsAlive(postmaster) && int.TryParse(File.ReadLines(postmaster).First(), out var pid))
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    if (!Signals.Interrupt(pid) || !process.WaitForExit(5000))
                    {
                        process.Kill(entireProcessTree: true);
                        process.WaitForExit(5000);
                    }
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // Gone in the meantime.
                }
            }

            TryDelete(folder);
        }
    }

    private static bool IsAlive(string pidFile)
    {
        try
        {
            if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
            {
                return false;
            }

            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file still held by a dying server; the temp folder is cleaned by the OS later.
        }
    }
}
