using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Identity.Data;

/// <summary>Lets dotnet-ef build each provider's context without starting the service.</summary>
public sealed class SqliteIdentityDesignFactory : IDesignTimeDbContextFactory<SqliteIdentityDbContext>
{
    public SqliteIdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIdentityDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class SqlServerIdentityDesignFactory : IDesignTimeDbContextFactory<SqlServerIdentityDbContext>
{
    public SqlServerIdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerIdentityDbContext>().UseSqlServer("Server=design;Database=identity;Trusted_Connection=True").Options);
}

public sealed class PostgresIdentityDesignFactory : IDesignTimeDbContextFactory<PostgresIdentityDbContext>
{
    public PostgresIdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIdentityDbContext>().UseNpgsql("Host=design;Database=identity").Options);
}
