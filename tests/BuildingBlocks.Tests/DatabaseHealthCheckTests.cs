using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Persistence;

namespace Platform.BuildingBlocks.Tests;

/// <summary>The dashboard shows a service's database as the reason it is unhealthy, with the provider's error.</summary>
public sealed class DatabaseHealthCheckTests
{
    [Fact]
    public async Task A_database_that_refuses_connections_is_unhealthy_with_the_reason()
    {
        var result = await CheckAsync(o => o.UseNpgsql($"Host=127.0.0.1;Port={ClosedPort()};Username=pa;Password=pa;Database=pa;Timeout=3"));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("The database cannot be reached: ", result.Description, StringComparison.Ordinal);
        Assert.Contains("refused", result.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_reachable_database_is_healthy()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pa-health-{Guid.NewGuid():N}.db");
        try
        {
            var result = await CheckAsync(o => o.UseSqlite($"Data Source={file};Pooling=False"));
            Assert.Equal(HealthStatus.Healthy, result.Status);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<HealthCheckResult> CheckAsync(Action<DbContextOptionsBuilder> database)
    {
        await using var services = new ServiceCollection().AddDbContext<MessagingTestDbContext>(database).BuildServiceProvider();
        var check = new DatabaseHealthCheck<MessagingTestDbContext>(services.GetRequiredService<IServiceScopeFactory>());
        return await check.CheckHealthAsync(new HealthCheckContext());
    }

    /// <summary>A loopback port nothing listens on: taken from the OS, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
