using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MlaRequests.Node.Health;

/// <summary>Healthy while the hosted service <typeparamref name="TService"/> is running (started and its loop not ended).</summary>
/// <typeparam name="TService">The background service, registered as a singleton.</typeparam>
public sealed class BackgroundServiceHealthCheck<TService>(TService service) : IHealthCheck
    where TService : BackgroundService
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        var result = service.ExecuteTask switch
        {
            null => HealthCheckResult.Unhealthy($"{typeof(TService).Name} has not started"),
            { IsFaulted: true } task => HealthCheckResult.Unhealthy($"{typeof(TService).Name} stopped with an error", task.Exception),
            { IsCompleted: true } => HealthCheckResult.Unhealthy($"{typeof(TService).Name} has stopped"),
            _ => HealthCheckResult.Healthy($"{typeof(TService).Name} is running"),
        };
        return Task.FromResult(result);
    }
}
