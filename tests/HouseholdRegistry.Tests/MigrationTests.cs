using Microsoft.EntityFrameworkCore;
using Platform.HouseholdRegistry.Data;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>Every migration set must match the one model, or a deployment on that provider would miss a change.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteRegistryDbContext(new DbContextOptionsBuilder<SqliteRegistryDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_sql_server_migrations_match_the_model()
    {
        using var db = new SqlServerRegistryDbContext(new DbContextOptionsBuilder<SqlServerRegistryDbContext>().UseSqlServer("Server=none;Database=x;Trusted_Connection=True").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresRegistryDbContext(new DbContextOptionsBuilder<PostgresRegistryDbContext>().UseNpgsql("Host=none;Database=x").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
