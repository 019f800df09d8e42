using MassTransit;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>
/// The requesting state's desired date for this country (issue 15; UNTOC Art. 18(24)): a clock of its own from transmission to the end of that date in
/// the requested country's time zone. It is met when that country's execution completes (execution reported complete or evidence sent; for a kind
/// without an execution period, its acceptance), cancelled on refusal or withdrawal, and keeps running through a postponement. Computed here from the
/// content; nothing about it crosses the border.
/// </summary>
public sealed partial class BranchStateMachine
{
    static async Task StartDesiredDate<T>(BehaviorContext<BranchState, T> c, RequestContent content, Instant at)
        where T : class
    {
        var s = c.Saga;
        if (content.DesiredDate is not { } desired || s.Kind == RequestKind.SpontaneousInformation)
            return;
        var id = ClockIds.For(s.CorrelationId, ClockKind.DesiredDate);
        s.DesiredDateClockId = id;
        await c.Publish(new StartClock(id, s.RequestId, s.CorrelationId, ClockKind.DesiredDate, s.LegalBasis, s.Urgent, s.TargetNode, s.Reference, s.OfficeCode,
            at, LastDay: desired));
    }

    static async Task MeetDesiredDate<T>(BehaviorContext<BranchState, T> c, Instant at)
        where T : class
    {
        if (c.Saga.DesiredDateClockId is { } id)
            await c.Publish(new StopClock(id, at));
        c.Saga.DesiredDateClockId = null;
    }

    static async Task CancelDesiredDate<T>(BehaviorContext<BranchState, T> c, Instant at, string reason)
        where T : class
    {
        if (c.Saga.DesiredDateClockId is { } id)
            await c.Publish(new CancelClock(id, reason, at));
        c.Saga.DesiredDateClockId = null;
    }
}
