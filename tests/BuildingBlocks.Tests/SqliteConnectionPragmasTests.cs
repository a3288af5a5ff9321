using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Persistence;

namespace Platform.BuildingBlocks.Tests;

public sealed class SqliteConnectionPragmasTests : IDisposable
{
    private const long Normal = 1;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pa-synchronous-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Every_connection_a_context_opens_commits_without_waiting_for_the_disk()
    {
        using var host = BuildHost();

        // SQLite's default is FULL (2). The second scope takes the first one's connection from the pool: the setting must hold there too.
        Assert.Equal(Normal, await PragmaAsync(host, "synchronous"));
        Assert.Equal(Normal, await PragmaAsync(host, "synchronous"));
    }

    [Fact]
    public async Task Every_connection_waits_for_another_writer_inside_SQLite_rather_than_failing_busy_at_once()
    {
        using var host = BuildHost();

        Assert.Equal(10_000, await PragmaAsync(host, "busy_timeout"));
    }

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:probe-db"] = $"Data Source={_path}";
        builder.AddPlatformDatabase<ProbeContext, SqliteProbeContext, SqlServerProbeContext, PostgresProbeContext>("probe-db");
        return builder.Build();
    }

    private static async Task<long> PragmaAsync(IHost host, string pragma)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {pragma}";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    public abstract class ProbeContext(DbContextOptions options) : DbContext(options);

    public sealed class SqliteProbeContext(DbContextOptions<SqliteProbeContext> options) : ProbeContext(options);

    public sealed class SqlServerProbeContext(DbContextOptions<SqlServerProbeContext> options) : ProbeContext(options);

    public sealed class PostgresProbeContext(DbContextOptions<PostgresProbeContext> options) : ProbeContext(options);
}
