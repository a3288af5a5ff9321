using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Relocation.Data;

/// <summary>Lets dotnet-ef build each provider's context without starting the service.</summary>
public sealed class SqliteRelocationDesignFactory : IDesignTimeDbContextFactory<SqliteRelocationDbContext>
{
    public SqliteRelocationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRelocationDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class SqlServerRelocationDesignFactory : IDesignTimeDbContextFactory<SqlServerRelocationDbContext>
{
    public SqlServerRelocationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerRelocationDbContext>().UseSqlServer("Server=design;Database=relocation;Trusted_Connection=True").Options);
}

public sealed class PostgresRelocationDesignFactory : IDesignTimeDbContextFactory<PostgresRelocationDbContext>
{
    public PostgresRelocationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRelocationDbContext>().UseNpgsql("Host=design;Database=relocation").Options);
}
