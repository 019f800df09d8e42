using MassTransit;
using MlaRequests.Workflows.Deadlines;
using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>
/// The recognition clock does not count while this office waits for the requesting country's additional information
/// (DOMAIN.md, "Deadline clocks"): suspended with the questions, resumed with the answer, its due instant moved by the wait.
/// </summary>
public sealed partial class IncomingCaseStateMachine
{
    static Task SuspendRecognition<T>(BehaviorContext<IncomingCaseState, T> c, Instant at)
        where T : class => c.Saga.RecognitionClockId is { } id ? c.Publish(new SuspendClock(id, at)) : Task.CompletedTask;

    static Task ResumeRecognition<T>(BehaviorContext<IncomingCaseState, T> c, Instant at)
        where T : class => c.Saga.RecognitionClockId is { } id ? c.Publish(new ResumeClock(id, at)) : Task.CompletedTask;
}
