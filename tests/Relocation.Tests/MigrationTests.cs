using Microsoft.EntityFrameworkCore;
using Platform.Relocation.Data;

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
}
