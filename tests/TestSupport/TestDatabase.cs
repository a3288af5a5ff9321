using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Platform.LocalPostgres;

namespace Platform.Testing;

/// <summary>
/// The database an in-memory service under test runs on. The service test projects run on SQLite;
/// their twins (tests/*.Tests.Postgres, the same sources) carry the assembly metadata
/// "Platform.TestDatabase" = "Postgres" and run every test on a private PostgreSQL cluster, one
/// fresh database per service instance.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqlitePath;

    private TestDatabase(string provider, string connectionString, string? sqlitePath)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
    }

    /// <summary>"Sqlite" or "Postgres": the value for the services' "Database:Provider".</summary>
    public static string CurrentProvider { get; } =
        typeof(TestDatabase).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Platform.TestDatabase")?.Value ?? "Sqlite";

    public static bool IsPostgres => CurrentProvider == "Postgres";

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The provider and connection on a context's options, for tests that host a context themselves.</summary>
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) => _sqlitePath is null
        ? options.UseNpgsql(ConnectionString)
        : options.UseSqlite(ConnectionString).AddInterceptors(Platform.Persistence.SqliteConnectionPragmas.Instance);

    /// <summary>A new connection (not opened) to this database, outside any service.</summary>
    public System.Data.Common.DbConnection NewConnection() =>
        _sqlitePath is null ? new Npgsql.NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);

    /// <summary>Sets up a database created with EnsureCreated as a service would run it (SQLite: WAL mode, kept in the file).</summary>
    public async Task PrepareAsync(DbContext db)
    {
        if (_sqlitePath is not null)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>A new, empty database for one service instance; <paramref name="name"/> says whose.</summary>
    public static TestDatabase Create(string name) => Create(name, CurrentProvider);

    /// <summary>A new, empty database on <paramref name="provider"/> ("Sqlite" or "Postgres"), for tests that run on both in one assembly.</summary>
    public static TestDatabase Create(string name, string provider)
    {
        if (provider == "Postgres")
        {
            var connectionString = ThrowawayCluster.CreateDatabaseAsync(name.Replace('-', '_')).GetAwaiter().GetResult();
            return new TestDatabase("Postgres", connectionString, null);
        }

        var path = Path.Combine(Path.GetTempPath(), $"{name}-tests-{Guid.NewGuid():N}.db");
        // Writers wait for SQLite's one write lock (up to 30 s) instead of failing at once, as in the services.
        return new TestDatabase("Sqlite", $"Data Source={path};Default Timeout=30", path);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is null)
        {
            await ThrowawayCluster.DropDatabaseAsync(ConnectionString);
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _sqlitePath, $"{_sqlitePath}-wal", $"{_sqlitePath}-shm" })
        {
            File.Delete(file);
        }
    }
}
