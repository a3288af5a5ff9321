using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Messaging;

/// <summary>
/// Readiness of the message bus, strict: anything short of a healthy bus is Unhealthy. MassTransit's
/// own check reports a bus that lost its broker as Degraded, and the gRPC health service answers
/// SERVING for Degraded, so a load balancer or an operator could not see the outage. A replica that
/// cannot reach the broker still accepts changes (their events wait in the outbox), but it is not
/// fully serving: its consumers are stopped, and the platform says so.
/// </summary>
public sealed class BrokerHealthCheck(IBusControl bus) : IHealthCheck
{
    public const string Name = "broker";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = bus.CheckHealth();
        return Task.FromResult(health.Status == BusHealthStatus.Healthy
            ? HealthCheckResult.Healthy("The message bus is connected and every receive endpoint is ready.")
            : HealthCheckResult.Unhealthy($"The message bus is {health.Status}: {health.Description}"));
    }
}
