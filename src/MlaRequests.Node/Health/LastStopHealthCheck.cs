using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Health;

/// <summary>
/// Where failed messages end, for readiness: messages waiting in this node's error, skipped and dead-letter queues, and how
/// fast the quarantine grows. Degraded while the dead-letter queue holds messages (it is read into quarantine at once, so a
/// message left there means the last stop itself is stuck); messages in an error queue are named but leave the node ready
/// (they need a person, not a restart).
/// </summary>
public sealed class LastStopHealthCheck(QueueDepths depths, NodeDbContext db, IClock clock) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var (hour, day) = await QuarantineGrowthAsync(db, now, cancellationToken);
        var waiting = await depths.WaitingAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["quarantinedLastHour"] = hour, ["quarantinedLastDay"] = day };
        foreach (var (queue, messages) in waiting ?? [])
            data[queue] = messages;
        var growth = $"quarantined {hour} in the last hour, {day} in the last day";
        if (waiting is null)
            return HealthCheckResult.Healthy($"queue depths unknown (broker not answering); {growth}", data);
        if (waiting.Count == 0)
            return HealthCheckResult.Healthy($"no message waits in an error or dead-letter queue; {growth}", data);
        var listed = string.Join(", ", waiting.Select(w => $"{w.Queue}: {w.Messages}"));
        return waiting.Any(w => w.Queue.EndsWith("-dead", StringComparison.Ordinal))
            ? HealthCheckResult.Degraded($"messages wait in the dead-letter queue: {listed}; {growth}", data: data)
            : HealthCheckResult.Healthy($"messages wait for an administrator: {listed}; {growth}", data);
    }

    /// <summary>Messages quarantined in the last hour and the last day.</summary>
    public static async Task<(int Hour, int Day)> QuarantineGrowthAsync(NodeDbContext db, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dayAgo = now - Duration.FromDays(1);
        var hourAgo = now - Duration.FromHours(1);
        return (await db.QuarantinedMessages.CountAsync(q => q.ReceivedAt >= hourAgo, ct), await db.QuarantinedMessages.CountAsync(q => q.ReceivedAt >= dayAgo, ct));
    }
}
