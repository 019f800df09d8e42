using MassTransit;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>
/// The requesting state's desired date (issue 15; UNTOC Art. 18(24)): a clock of its own from receipt to the end of that date in this country's time
/// zone (this office acts). Met when execution completes (execution recorded complete or evidence transferred; for a kind without an execution period,
/// its acceptance), cancelled on refusal or withdrawal, running through a postponement. The date comes from the content the request carried: nothing
/// new crosses the border, and a case received before this release has no such clock.
/// </summary>
public sealed partial class IncomingCaseStateMachine
{
    static async Task StartDesiredDate<T>(BehaviorContext<IncomingCaseState, T> c, WorkflowNode node, LocalDate? desired, Instant at)
        where T : class
    {
        var s = c.Saga;
        if (desired is not { } date || s.Kind == RequestKind.SpontaneousInformation)
            return;
        var id = ClockIds.For(s.CorrelationId, ClockKind.DesiredDate);
        s.DesiredDateClockId = id;
        await c.Publish(new StartClock(id, s.CorrelationId, s.CorrelationId, ClockKind.DesiredDate, s.LegalBasis, s.Urgent, node.Code, s.Reference, null, at,
            LastDay: date));
    }

    static async Task MeetDesiredDate<T>(BehaviorContext<IncomingCaseState, T> c, Instant at)
        where T : class
    {
        if (c.Saga.DesiredDateClockId is { } id)
            await c.Publish(new StopClock(id, at));
        c.Saga.DesiredDateClockId = null;
    }

    static async Task CancelDesiredDate<T>(BehaviorContext<IncomingCaseState, T> c, Instant at, string reason)
        where T : class
    {
        if (c.Saga.DesiredDateClockId is { } id)
            await c.Publish(new CancelClock(id, reason, at));
        c.Saga.DesiredDateClockId = null;
    }
}
