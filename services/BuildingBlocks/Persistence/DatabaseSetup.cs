using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Persistence;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers the service's context for the configured provider ("Database:Provider":
    /// Sqlite by default, SqlServer or Postgres) under the provider-neutral type <typeparamref name="TContext"/>.
    /// The connection string is "ConnectionStrings:{connectionName}"; for SQLite it defaults to a
    /// file named after the connection in the data folder ("DataDir", default ./.data).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformDatabase<TContext, TSqlite, TSqlServer, TPostgres>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
        where TSqlite : TContext
        where TSqlServer : TContext
        where TPostgres : TContext
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString(connectionName);

        if (provider is DatabaseProvider.SqlServer or DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"Database:Provider is {provider} but ConnectionStrings:{connectionName} is not set.");
        }

        if (provider == DatabaseProvider.SqlServer)
        {
            builder.Services.AddDbContext<TContext, TSqlServer>((sp, o) => Configure(sp, o.UseSqlServer(connectionString, s => s.EnableRetryOnFailure())));
        }
        else if (provider == DatabaseProvider.Postgres)
        {
            // No retrying execution strategy: the services open their own transactions, and a
            // conflict between two replicas must surface (as Aborted or AlreadyExists), not be replayed blindly.
            builder.Services.AddDbContext<TContext, TPostgres>((sp, o) => Configure(sp, o.UseNpgsql(connectionString)));
        }
        else
        {
            var sqlite = SqliteConnectionString(builder.Configuration, connectionName, connectionString);
            builder.Services.AddDbContext<TContext, TSqlite>((sp, o) => Configure(sp, o.UseSqlite(sqlite).AddInterceptors(SqliteConnectionPragmas.Instance)));
        }

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>($"{connectionName}-database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Applies pending migrations at start-up, before the service accepts calls.</summary>
    public static async Task MigrateDatabaseAsync<TContext>(this IHost host)
        where TContext : DbContext
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Persistence");
        await MigrateAsync(db, logger);
    }

    /// <summary>
    /// Applies <paramref name="db"/>'s pending migrations. Replicas of a service start together and
    /// each migrates: on PostgreSQL they take turns under an advisory lock, because the provider's
    /// own lock needs the history table, which the first migration creates (two replicas on a fresh
    /// database both ran the first migration and one died on "relation already exists").
    /// SQL Server (sp_getapplock) and SQLite (a lock table) serialise migrations themselves.
    /// </summary>
    public static async Task MigrateAsync(DbContext db, ILogger logger)
    {
        if (db.Database.IsNpgsql())
        {
            await MigrateInTurnAsync(db);
        }
        else if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await db.Database.MigrateAsync();
            // WAL lets readers proceed while the outbox relay and a request write; it persists in the file.
            // SqliteConnectionPragmas relies on it: synchronous=NORMAL is only crash-safe in WAL mode.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        else
        {
            await db.Database.MigrateAsync();
        }

        PersistenceLog.Migrated(logger, db.GetType().Name, db.Database.ProviderName ?? "unknown");
    }

    /// <summary>PostgreSQL: migrates while holding a session advisory lock, so replicas take turns.</summary>
    private static async Task MigrateInTurnAsync(DbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})");
            await db.Database.MigrateAsync();
        }
        finally
        {
            // Closing the session would release it too; unlocking says so.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})");
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The advisory lock key of schema migrations (each service has its own database, so one key serves all).</summary>
    private const long MigrationLockKey = 0x70615F6D696772; // "pa_migr"

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder options) =>
        options.AddInterceptors(services.GetServices<IInterceptor>());

    private static string SqliteConnectionString(IConfiguration configuration, string name, string? configured)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            var dataDir = configuration["DataDir"] ?? Path.Combine(Directory.GetCurrentDirectory(), ".data");
            builder.DataSource = Path.Combine(dataDir, $"{name}.db");
        }

        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}

internal static partial class PersistenceLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Context} is migrated ({Provider})")]
    public static partial void Migrated(ILogger logger, string context, string provider);
}
