using Microsoft.EntityFrameworkCore;
using Platform.Assistance.Data;

namespace Platform.Assistance.Tests;

/// <summary>Every migration set must match the one model, or a deployment on that provider would miss a change.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteAssistanceDbContext(new DbContextOptionsBuilder<SqliteAssistanceDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_sql_server_migrations_match_the_model()
    {
        using var db = new SqlServerAssistanceDbContext(new DbContextOptionsBuilder<SqlServerAssistanceDbContext>().UseSqlServer("Server=none;Database=x;Trusted_Connection=True").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresAssistanceDbContext(new DbContextOptionsBuilder<PostgresAssistanceDbContext>().UseNpgsql("Host=none;Database=x").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
