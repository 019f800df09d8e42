using MassTransit;
using MlaRequests.Workflows.Deadlines;
using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>
/// The requested country's recognition clock, as this node keeps it, does not count while that country waits for this
/// node's additional information: suspended with the questions, resumed with the answer, as on the requested node.
/// </summary>
public sealed partial class BranchStateMachine
{
    static Task SuspendRecognition<T>(BehaviorContext<BranchState, T> c, Instant at)
        where T : class => c.Saga.RecognitionClockId is { } id ? c.Publish(new SuspendClock(id, at)) : Task.CompletedTask;

    static Task ResumeRecognition<T>(BehaviorContext<BranchState, T> c, Instant at)
        where T : class => c.Saga.RecognitionClockId is { } id ? c.Publish(new ResumeClock(id, at)) : Task.CompletedTask;
}
