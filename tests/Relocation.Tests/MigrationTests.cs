using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Persistence;
using Platform.Relocation.Data;
using Platform.Testing;

namespace Platform.Relocation.Tests;

/// <summary>Every migration set must match the one model, or a deployment on that provider would miss a change.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteRelocationDbContext(new DbContextOptionsBuilder<SqliteRelocationDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_sql_server_migrations_match_the_model()
    {
        using var db = new SqlServerRelocationDbContext(new DbContextOptionsBuilder<SqlServerRelocationDbContext>().UseSqlServer("Server=none;Database=x;Trusted_Connection=True").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresRelocationDbContext(new DbContextOptionsBuilder<PostgresRelocationDbContext>().UseNpgsql("Host=none;Database=x").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    /// <summary>
    /// Replicas of a service start together on a fresh database and each applies the migrations
    /// (this service has more than one: on PostgreSQL the second raced and one replica died).
    /// </summary>
    [Fact]
    public async Task Replicas_migrating_a_fresh_database_at_once_all_start()
    {
        await using var database = TestDatabase.Create("relocation-migrations");
        var replicas = Enumerable.Range(0, 4).Select(_ => NewContext(database)).ToList();
        try
        {
            await Task.WhenAll(replicas.Select(db => Task.Run(() => DatabaseSetup.MigrateAsync(db, NullLogger.Instance))));
            Assert.True(replicas[0].Database.GetMigrations().Count() > 1, "The race needs a second migration.");
            Assert.Equal(replicas[0].Database.GetMigrations(), await replicas[0].Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            foreach (var db in replicas)
            {
                await db.DisposeAsync();
            }
        }
    }

    private static RelocationDbContext NewContext(TestDatabase database) => database.Provider == "Postgres"
        ? new PostgresRelocationDbContext((DbContextOptions<PostgresRelocationDbContext>)database.Configure(new DbContextOptionsBuilder<PostgresRelocationDbContext>()).Options)
        : new SqliteRelocationDbContext((DbContextOptions<SqliteRelocationDbContext>)database.Configure(new DbContextOptionsBuilder<SqliteRelocationDbContext>()).Options);
}
