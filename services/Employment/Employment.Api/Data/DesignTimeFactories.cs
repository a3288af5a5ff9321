using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Employment.Data;

/// <summary>Lets dotnet-ef build each provider's context without starting the service.</summary>
public sealed class SqliteEmploymentDesignFactory : IDesignTimeDbContextFactory<SqliteEmploymentDbContext>
{
    public SqliteEmploymentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEmploymentDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class SqlServerEmploymentDesignFactory : IDesignTimeDbContextFactory<SqlServerEmploymentDbContext>
{
    public SqlServerEmploymentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerEmploymentDbContext>().UseSqlServer("Server=design;Database=employment;Trusted_Connection=True").Options);
}

public sealed class PostgresEmploymentDesignFactory : IDesignTimeDbContextFactory<PostgresEmploymentDbContext>
{
    public PostgresEmploymentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEmploymentDbContext>().UseNpgsql("Host=design;Database=employment").Options);
}
