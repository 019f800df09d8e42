using MlaRequests.Domain.Requests;

namespace MlaRequests.Domain.Deadlines;

/// <summary>
/// Which clocks a request's kind runs (DOMAIN.md vocabulary; issue 15: the clocks of its own kind). A classic request is
/// decided (recognition) and then executed within the execution period. A mirror investigation is decided by opening the
/// domestic mirror case, after which the two case files move in step and no execution period applies. A parallel
/// investigation is decided like a request, but each state then investigates under its own law and the two coordinate
/// through shared milestones (with their own reminders), not an execution period. A JIT's clock is its agreement's period.
/// Spontaneous information has neither.
/// </summary>
public static class KindClocks
{
    /// <summary>The clock that runs from registration until the requested authority decides.</summary>
    public static ClockKind DecisionClockOf(RequestKind kind) =>
        kind == RequestKind.MirrorInvestigation ? ClockKind.MirrorCaseOpening : ClockKind.Recognition;

    /// <summary>Whether acceptance starts an execution clock.</summary>
    public static bool HasExecutionClock(RequestKind kind) => kind == RequestKind.ClassicMla;
}
