using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>One replica of a service for the replica tests: the probe context on a shared database, the platform's messaging on the test broker.</summary>
public static class ReplicaHost
{
    public static IHost Build(string brokerConnectionString, TestDatabase database, IReadOnlyDictionary<string, string?> settings, Action<IHostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings.Append(new("ConnectionStrings:broker", brokerConnectionString)));
        builder.Services.AddDbContext<ProbeDbContext>((sp, o) => database.Configure(o).AddInterceptors(sp.GetServices<IInterceptor>()));
        configure(builder);
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        return builder.Build();
    }
}
