using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Delivery;

namespace MlaRequests.Node.Health;

/// <summary>
/// <c>GET /health</c>: liveness (the process answers; no dependency is checked, so a broker outage does not get the
/// node restarted). <c>GET /health/ready</c>: readiness, each check with its status, 503 unless all are healthy: the
/// database, the bus (MassTransit's own check), the scheduler (the outbox dispatcher that sends workflow messages and
/// fires deadline checkpoints), cross-border delivery, and the last stops of failed messages (error and dead-letter queues,
/// quarantine growth).
/// </summary>
public static class HealthEndpoints
{
    const string Ready = "ready";

    /// <summary>Registers the checks (MassTransit adds its bus check itself).</summary>
    public static IServiceCollection AddNodeHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<BackgroundServiceHealthCheck<OutboxDispatcher>>("scheduler", tags: [Ready])
            .AddCheck<BackgroundServiceHealthCheck<CrossBorderDelivery>>("cross-border-delivery", tags: [Ready])
            .AddCheck<LastStopHealthCheck>("last-stops", tags: [Ready]);
        services.AddSingleton<QueueDepths>();
        return services;
    }

    /// <summary>Maps <c>/health</c> and <c>/health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapNodeHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = WriteAsync,
            // ASP.NET Core answers 200 for Degraded by default; a dark broker link is Degraded, and a node without it is not ready.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return endpoints;
    }

    static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, error = e.Value.Exception?.Message, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
