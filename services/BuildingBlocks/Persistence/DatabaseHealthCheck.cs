using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Persistence;

/// <summary>
/// Readiness of the service's database, with the reason when it cannot be reached. EF's own
/// check (AddDbContextCheck) reports a failed connection as a bare Unhealthy, so an operator saw
/// that the service was down on the dashboard but not why; this one opens a connection and passes
/// the provider's error on ("Connection refused", "password authentication failed", ...).
/// </summary>
public sealed class DatabaseHealthCheck<TContext>(IServiceScopeFactory scopes) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TContext>().Database;
        try
        {
            await database.OpenConnectionAsync(cancellationToken);
            await database.CloseConnectionAsync();
            return HealthCheckResult.Healthy("The database accepts connections.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database cannot be reached: {ex.GetBaseException().Message}", ex);
        }
    }
}
