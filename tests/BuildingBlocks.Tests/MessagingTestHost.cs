using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Platform.Messaging;

namespace Platform.BuildingBlocks.Tests;

/// <summary>
/// One replica of a service as AddPlatformMessaging sets it up, on the shared test database and a
/// fake clock, with MassTransit's in-memory bus. The relay and the pruner do not run by themselves:
/// tests drive them. Every publish is recorded, in order, with the replica that made it.
/// </summary>
public sealed class MessagingTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private MessagingTestHost(IHost host, string name)
    {
        _host = host;
        Name = name;
    }

    public string Name { get; }

    public IServiceProvider Services => _host.Services;

    public OutboxRelay<MessagingTestDbContext> Relay => Services.GetRequiredService<OutboxRelay<MessagingTestDbContext>>();

    public string ReplicaId => Services.GetRequiredService<ReplicaIdentity>().Id;

    /// <summary>Runs before each publish: tests move the clock here to make a publish take time.</summary>
    public Action? BeforePublish { get; set; }

    public static async Task<MessagingTestHost> StartAsync(
        MessagingTestDatabase database, FakeTimeProvider clock, PublishLog log, string name = "replica", IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{MessagingSetup.BrokerConnectionName}"] = "amqp://guest:guest@127.0.0.1:1/",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddDbContext<MessagingTestDbContext>((sp, o) => database.Configure(o).AddInterceptors(sp.GetServices<IInterceptor>()));
        builder.AddPlatformMessaging<MessagingTestDbContext>();
        builder.Services.AddMassTransitTestHarness();
        foreach (var hosted in builder.Services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationFactory?.Method.ReturnType is { IsGenericType: true } type
            && (type.GetGenericTypeDefinition() == typeof(OutboxRelay<>) || type.GetGenericTypeDefinition() == typeof(InboxPruner<>))).ToList())
        {
            builder.Services.Remove(hosted);
        }

        var host = new MessagingTestHost(builder.Build(), name);
        try
        {
            await host._host.StartAsync();
        }
        catch
        {
            host._host.Dispose();
            throw;
        }

        host.Services.GetRequiredService<IBus>().ConnectPublishObserver(new Recorder(host, log));
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private sealed class Recorder(MessagingTestHost host, PublishLog log) : IPublishObserver
    {
        public Task PrePublish<T>(PublishContext<T> context)
            where T : class
        {
            host.BeforePublish?.Invoke();
            return Task.CompletedTask;
        }

        public Task PostPublish<T>(PublishContext<T> context)
            where T : class
        {
            log.Add(host.Name, context.MessageId ?? Guid.Empty, context.Message);
            return Task.CompletedTask;
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}

/// <summary>Every publish of every replica in a test, in the order they happened.</summary>
public sealed class PublishLog
{
    private readonly ConcurrentQueue<(string Replica, Guid MessageId, object Message)> _entries = new();

    public IReadOnlyList<(string Replica, Guid MessageId, object Message)> Entries => _entries.ToArray();

    public IReadOnlyList<TestEvent> Events => _entries.Select(e => e.Message).OfType<TestEvent>().ToArray();

    public void Add(string replica, Guid messageId, object message) => _entries.Enqueue((replica, messageId, message));
}

/// <summary>Reads the messaging gauges of one host (its own meter factory), as an exporter would.</summary>
public sealed class GaugeReader : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _values = new();

    public GaugeReader(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _ = services.GetRequiredService<MessagingMetrics>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MessagingMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _values[instrument.Name] = value);
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _values[instrument.Name] = value);
        _listener.Start();
    }

    /// <summary>The gauge's value now, or null when it reports nothing.</summary>
    public double? Read(string name)
    {
        _values.Clear();
        _listener.RecordObservableInstruments();
        return _values.TryGetValue(name, out var value) ? value : null;
    }

    public void Dispose() => _listener.Dispose();
}
