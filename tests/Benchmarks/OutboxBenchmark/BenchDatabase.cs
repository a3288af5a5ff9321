using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Platform.LocalPostgres;

namespace Platform.Benchmarks.Outbox;

/// <summary>The benchmark's one outbox database: a temporary SQLite file, or a database on a private PostgreSQL cluster.</summary>
public sealed class BenchDatabase
{
    private BenchDatabase(string provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string provider, string workDirectory) => provider == "postgres"
        ? new BenchDatabase(provider, await ThrowawayCluster.CreateDatabaseAsync("outbox_bench"))
        : new BenchDatabase(provider, new SqliteConnectionStringBuilder { DataSource = Path.Combine(workDirectory, "bench.db"), Pooling = true, DefaultTimeout = 30 }.ToString());

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) =>
        Provider == "postgres" ? options.UseNpgsql(ConnectionString) : options.UseSqlite(ConnectionString);
}
