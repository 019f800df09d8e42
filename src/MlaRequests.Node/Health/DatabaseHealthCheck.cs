using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MlaRequests.Node.Persistence;

namespace MlaRequests.Node.Health;

/// <summary>Healthy when the node's database answers a query and has no pending migration.</summary>
public sealed class DatabaseHealthCheck(NodeDbContext db) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied");
            var requests = await db.Requests.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{requests} request(s) stored");
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read", exception);
        }
    }
}
