using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Assistance.Data;

/// <summary>Lets dotnet-ef build each provider's context without starting the service.</summary>
public sealed class SqliteAssistanceDesignFactory : IDesignTimeDbContextFactory<SqliteAssistanceDbContext>
{
    public SqliteAssistanceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAssistanceDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class SqlServerAssistanceDesignFactory : IDesignTimeDbContextFactory<SqlServerAssistanceDbContext>
{
    public SqlServerAssistanceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAssistanceDbContext>().UseSqlServer("Server=design;Database=assistance;Trusted_Connection=True").Options);
}

public sealed class PostgresAssistanceDesignFactory : IDesignTimeDbContextFactory<PostgresAssistanceDbContext>
{
    public PostgresAssistanceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAssistanceDbContext>().UseNpgsql("Host=design;Database=assistance").Options);
}
