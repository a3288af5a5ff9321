using System.Collections.Concurrent;
using System.Net;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Platform.Messaging.Tests;

/// <summary>
/// gRPC health is what a load balancer and the dashboard read: NOT_SERVING while the broker is
/// unreachable, SERVING again once it is back. Has a broker of its own, which it kills.
/// </summary>
public sealed class HealthStateTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    [Fact]
    public async Task A_service_whose_broker_is_down_is_not_serving_until_the_broker_is_back()
    {
        var logs = new CapturedLogs();
        await using var plain = new RegistryHost(fixture.ConnectionString);
        await using var registry = plain.WithWebHostBuilder(web => web.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        using var channel = GrpcChannel.ForAddress(registry.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = registry.Server.CreateHandler() });
        var health = new Health.HealthClient(channel);
        await Eventually.WaitAsync(() => StatusAsync(health), s => s == ServingStatus.Serving, TimeSpan.FromSeconds(60), "SERVING with the broker up");

        await fixture.Broker.StopAsync();
        await Eventually.WaitAsync(() => StatusAsync(health), s => s == ServingStatus.NotServing, TimeSpan.FromSeconds(60), "NOT_SERVING with the broker down");

        // The reason, which the AppHost shows in the dashboard's health report beside NOT_SERVING.
        using var http = registry.CreateClient();
        var report = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, report.StatusCode);
        Assert.Contains("broker: Unhealthy - The message bus is", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Liveness stays separate: the process is alive and must not be restarted for a broker outage.
        Assert.True((await http.GetAsync(new Uri("/alive", UriKind.Relative))).IsSuccessStatusCode);

        await fixture.Broker.StartAsync(TimeSpan.FromSeconds(60));
        await Eventually.WaitAsync(() => StatusAsync(health), s => s == ServingStatus.Serving, TimeSpan.FromSeconds(90), "SERVING once the broker is back");

        // The outage is told by the health state and its reason, not by an error log for every probe
        // (shown on the dashboard as a red count on every service).
        Assert.DoesNotContain(logs.Snapshot(), e => e.Category == ServiceDefaultsExtensions.HealthCheckServiceCategory && e.Level >= LogLevel.Error);
    }

    /// <summary>Every log entry's category and level, from all the host's threads.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<(string Category, LogLevel Level)> _entries = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public List<(string Category, LogLevel Level)> Snapshot() => [.. _entries];

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel));
        }
    }

    private static async Task<ServingStatus> StatusAsync(Health.HealthClient health) =>
        (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10))).Status;
}
