using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Messaging;

namespace Platform.Benchmarks.Outbox;

/// <summary>
/// The platform's messaging set-up, as a service has it, on a private broker and a temporary SQLite
/// file or PostgreSQL database. Each host is one replica: its own relay and replica identity, one
/// shared database; only the first counts what arrives.
/// </summary>
public static class BenchmarkHost
{
    public static IHost Build(string brokerConnectionString, BenchDatabase database, bool counts = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{MessagingSetup.BrokerConnectionName}"] = brokerConnectionString,
        });

        builder.Services.AddSingleton<ReceivedEvents>();
        builder.Services.AddSingleton<RelayDbTimer>();
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<RelayDbTimer>());
        builder.Services.AddDbContext<BenchDbContext>((sp, options) => database.Configure(options).AddInterceptors(sp.GetServices<IInterceptor>()));

        builder.AddPlatformMessaging<BenchDbContext>(bus =>
        {
            if (counts)
            {
                bus.AddConsumer<BenchEventCounter, BenchEventCounterDefinition>();
            }
        });
        RemoveHostedRelay(builder.Services);

        // Publishing before the consumer's queue is bound would drop the first events on the floor.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        return builder.Build();
    }

    public static async Task CreateDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        await db.Database.EnsureCreatedAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// AddPlatformMessaging runs the relay as a hosted service and has no switch to turn that off.
    /// The benchmark drives <see cref="OutboxRelay{TContext}.RelayBatchAsync"/> itself and times it,
    /// so the background loop, which would race it for the same rows, is taken out again here. The
    /// relay singleton stays registered; only the hosted-service descriptor that resolves it goes.
    /// </summary>
    private static void RemoveHostedRelay(IServiceCollection services)
    {
        var hosted = services.Single(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationFactory?.Method.ReturnType == typeof(OutboxRelay<BenchDbContext>));
        services.Remove(hosted);
    }
}
