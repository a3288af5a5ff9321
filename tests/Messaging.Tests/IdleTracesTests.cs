using System.Collections.ObjectModel;
using System.Diagnostics;
using Grpc.Net.Client;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;
using Pa.Registry.V1;

namespace Platform.Messaging.Tests;

/// <summary>
/// The dashboard's Traces page shows requests and their consequences, not the background loops:
/// an idle service exports no root span, while one request still exports its whole trace, up to
/// the event the relay publishes for it.
/// </summary>
[Collection(IdleTracesCollection.Name)]
public sealed class IdleTracesTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    [Fact]
    public async Task An_idle_service_starts_no_trace_and_a_request_keeps_its_whole_trace()
    {
        var spans = new ExportedSpans();
        await using var registry = new RegistryHost(fixture.ConnectionString);
        await using var traced = registry.WithWebHostBuilder(web =>
        {
            // Many relay passes in a short idle time; each pass queries the outbox and renews its lease.
            web.UseSetting("Outbox:SweepInterval", "00:00:00.100");
            web.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        });
        var client = new HouseholdService.HouseholdServiceClient(
            GrpcChannel.ForAddress(traced.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = new UntracedCaller(traced.Server.CreateHandler()) }));

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(Roots(spans));

        await client.CreateHouseholdApplicationAsync(RegistryHost.Application(1), registry.VillageOfficer());
        var published = await Eventually.WaitAsync(
            () => Task.FromResult(spans.Snapshot().FirstOrDefault(s => s.OperationName == "outbox publish")),
            s => s is not null, TimeSpan.FromSeconds(30), "the relay's publish span");
        await Task.Delay(TimeSpan.FromSeconds(2));

        var root = Assert.Single(Roots(spans));
        Assert.Equal(ActivityKind.Server, root.Kind);
        Assert.Contains("CreateHouseholdApplication", root.DisplayName, StringComparison.Ordinal);
        Assert.Equal(root.TraceId, published!.TraceId);
        Assert.Contains(spans.Snapshot(), s => s.TraceId == root.TraceId && s.Kind == ActivityKind.Client && s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
    }

    private static List<Activity> Roots(ExportedSpans spans) => spans.Snapshot().Where(s => s.ParentSpanId == default).ToList();

    /// <summary>
    /// A caller from outside the platform, which sends no trace context. The test's own gRPC client
    /// runs in the host's process, so the host's tracing would otherwise see it as the trace's root.
    /// </summary>
    private sealed class UntracedCaller(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("traceparent");
            request.Headers.Remove("tracestate");
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>The exporter adds from the host's threads while the test reads.</summary>
    private sealed class ExportedSpans : Collection<Activity>
    {
        public List<Activity> Snapshot()
        {
            lock (Items)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (Items)
            {
                base.InsertItem(index, item);
            }
        }
    }
}

/// <summary>
/// Runs alone: the tracer provider of a test host listens to every activity source in the test
/// process, so requests of hosts in parallel tests would count as this host's traces.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IdleTracesCollection
{
    public const string Name = "idle traces";
}
