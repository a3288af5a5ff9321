using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.HouseholdRegistry.Data;

/// <summary>Lets dotnet-ef build each provider's context without starting the service.</summary>
public sealed class SqliteRegistryDesignFactory : IDesignTimeDbContextFactory<SqliteRegistryDbContext>
{
    public SqliteRegistryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRegistryDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class SqlServerRegistryDesignFactory : IDesignTimeDbContextFactory<SqlServerRegistryDbContext>
{
    public SqlServerRegistryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerRegistryDbContext>().UseSqlServer("Server=design;Database=registry;Trusted_Connection=True").Options);
}

public sealed class PostgresRegistryDesignFactory : IDesignTimeDbContextFactory<PostgresRegistryDbContext>
{
    public PostgresRegistryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRegistryDbContext>().UseNpgsql("Host=design;Database=registry").Options);
}
