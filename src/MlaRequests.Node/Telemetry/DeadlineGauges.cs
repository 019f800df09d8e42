using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Shared;
using NodaTime;
using MlaRequests.Workflows.Deadlines;

namespace MlaRequests.Node.Telemetry;

/// <summary>
/// <c>mla.deadlines.clocks</c>: how many running clocks are due (past the 50 % reminder), overdue and
/// escalated, read from the database whenever metrics are collected (the same rules as
/// <c>GET /api/deadlines</c>).
/// </summary>
public sealed class DeadlineGauges : IDisposable
{
    const string Running = nameof(DeadlineClockStateMachine.Running), Overdue = nameof(DeadlineClockStateMachine.Overdue);

    readonly Meter _meter = new(NodeTelemetry.Name);
    readonly IServiceScopeFactory _scopes;
    readonly IClock _clock;
    readonly WorkflowNode _node;
    readonly ILogger<DeadlineGauges> _logger;

    /// <summary>Creates the gauge.</summary>
    public DeadlineGauges(IServiceScopeFactory scopes, IClock clock, WorkflowNode node, ILogger<DeadlineGauges> logger)
    {
        (_scopes, _clock, _node, _logger) = (scopes, clock, node, logger);
        _meter.CreateObservableGauge(NodeTelemetry.DeadlineClocks, Measure, "{clock}",
            "Deadline clocks by state: due (running, past the 50 % reminder), overdue, escalated");
    }

    IEnumerable<Measurement<long>> Measure()
    {
        try
        {
            using var scope = _scopes.CreateScope();
            var clocks = scope.ServiceProvider.GetRequiredService<NodeDbContext>().Clocks.AsNoTracking();
            var now = _clock.GetCurrentInstant();
            var due = clocks.LongCount(c => c.CurrentState == Running && c.Reminder50At <= now && c.DueAt > now);
            var overdue = clocks.LongCount(c => c.CurrentState == Overdue || (c.CurrentState == Running && c.DueAt <= now));
            var escalated = clocks.LongCount(c => c.CurrentState == Overdue && c.EscalatedAt != null);
            return [Of(due, "due"), Of(overdue, "overdue"), Of(escalated, "escalated")];
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            _logger.LogWarning(exception, "Deadline gauges could not be read");
            return [];
        }
    }

    Measurement<long> Of(long value, string state) => new(value, new KeyValuePair<string, object?>("mla.node", _node.Code),
        new KeyValuePair<string, object?>("mla.state", state));

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
