using System.Net;
using Grpc.Core;
using Grpc.Health.V1;

namespace Platform.HouseholdRegistry.Tests;

/// <summary>Probes reach the health endpoints without a token.</summary>
public sealed class HealthTests(RegistryFactory registry) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task The_grpc_health_service_answers_without_a_token()
    {
        // The broker is unreachable in these tests, so readiness may be NOT_SERVING; the point is that it answers.
        var response = await registry.Health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(20));

        Assert.Contains(response.Status, new[] { HealthCheckResponse.Types.ServingStatus.Serving, HealthCheckResponse.Types.ServingStatus.NotServing });
    }

    [Fact]
    public async Task The_grpc_health_service_knows_no_other_service_name()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            registry.Health.CheckAsync(new HealthCheckRequest { Service = "pa.registry.v1.Unknown" }, deadline: DateTime.UtcNow.AddSeconds(20)));
    }

    [Fact]
    public async Task The_liveness_probe_answers_healthy_without_a_token()
    {
        using var http = registry.CreateClient();

        var response = await http.GetAsync(new Uri("/alive", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
