using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Platform.Security;

namespace Platform.AppHost;

/// <summary>
/// A dashboard command's call to the operator RPCs of the replica it was started from, as the
/// dashboard's operator (a development token for the whole province), with the purpose the service
/// audits. A failed call is the command's failure, with the status the service gave.
/// </summary>
public static class OperatorCall
{
    private const string OperatorRegion = "340000000000";

    public static async Task<ExecuteCommandResult> RunAsync(
        ExecuteCommandContext context, EndpointReference endpoint, PlatformSettings settings, string purpose, Func<GrpcChannel, Metadata, DateTime, Task<string>> call)
    {
        try
        {
            using var channel = GrpcChannel.ForAddress(context.Services.GetRequiredService<ReplicaDirectory>().AddressOf(context.ResourceName, endpoint.Url));
            var token = new DevTokenIssuer(new JwtOptions { SigningKey = settings.RunKeys.SigningKey })
                .Issue(PlatformRoles.Operator, OperatorRegion, "apphost-dashboard");
            var headers = new Metadata { { "authorization", $"Bearer {token}" }, { "x-access-purpose", purpose } };
            return CommandResults.Success(await call(channel, headers, DateTime.UtcNow.AddSeconds(30)));
        }
        catch (RpcException ex)
        {
            return CommandResults.Failure($"{ex.StatusCode}: {ex.Status.Detail}");
        }
    }

    /// <summary>Operator commands need the service's RPCs, which answer once it is healthy.</summary>
    public static ResourceCommandState EnabledWhenHealthy(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;
}
